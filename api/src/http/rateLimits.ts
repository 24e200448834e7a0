import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { AppError } from "../errors";

/**
 * Per-IP limits on the endpoints attackers hammer. Counters live in each api process's memory, so
 * with N processes the effective limit is N times higher; account lockout (in the database) is
 * what stops password guessing across processes.
 */
function limiter(windowMs: number, limit: number, perUser = false) {
  return rateLimit({
    windowMs,
    limit,
    // Signed-in actions count per user: a fair's visitors share the venue's few IP addresses.
    ...(perUser ? { keyGenerator: (req) => req.auth?.user.id ?? ipKeyGenerator(req.ip ?? "") } : {}),
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, _res, next, options) => next(new AppError("rate_limited", undefined, Math.ceil(options.windowMs / 1000))),
  });
}

/** One limiter per endpoint, so one endpoint's traffic does not use up another's allowance. */
export function createRateLimits() {
  return {
    login: limiter(15 * 60 * 1000, 30),
    register: limiter(60 * 60 * 1000, 20),
    acceptInvitation: limiter(60 * 60 * 1000, 20),
    passwordReset: limiter(60 * 60 * 1000, 10),
    passwordResetConfirm: limiter(60 * 60 * 1000, 20),
    verificationResend: limiter(60 * 60 * 1000, 10),
    meetingRequests: limiter(60 * 1000, 30, true),
    /** Socket tokens: a page asks on every (re)connect; guests are counted per IP. */
    realtimeToken: limiter(60 * 1000, 60, true),
    boothChat: limiter(60 * 1000, 20, true),
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;
