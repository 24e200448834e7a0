import { createHash } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit, type Options } from "express-rate-limit";
import { AppError } from "../errors";
import type { RedisClient } from "../services/redis";
import { SharedRateLimitStore } from "./rateLimitStore";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Where counters live: Redis (shared by every api process) when there is one, else this process's memory. */
export interface RateLimitStorage {
  redis?: RedisClient;
  /** Prefix of the Redis keys (tests use their own, so runs sharing a Redis do not count together). */
  prefix?: string;
}

/** The caller's address, as the gateway reported it (see trustProxy.ts); IPv6 by /56 network. */
const address = (req: Request) => `addr:${ipKeyGenerator(req.ip ?? "")}`;
/** A signed-in user; an anonymous caller by address. */
const userOrAddress = (req: Request) => (req.auth ? `user:${req.auth.user.id}` : address(req));
/** The account an anonymous request names (its normalised email), hashed: no addresses in Redis keys. */
function accountOf(req: Request): string | undefined {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string" || !email.trim()) return undefined;
  return `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22)}`;
}

type Limit = {
  windowMs: number;
  limit: Options["limit"];
  key: (req: Request) => string | undefined;
  /** Count only refused attempts (a wrong password), not the ones that succeed. */
  failuresOnly?: boolean;
};

/** Runs the limiters one after the other; the first that refuses answers. */
const all =
  (...handlers: RequestHandler[]): RequestHandler =>
  (req, res, next) => {
    const step = (i: number) => (err?: unknown) => (err || i === handlers.length ? next(err) : handlers[i]!(req, res, step(i + 1)));
    step(0)();
  };

/**
 * The limits, decided for a fair's venue: hundreds of firms sign in over the hall's Wi-Fi behind a
 * few public addresses, so an address's allowance is far above what a venue's crowd does (1,000
 * people behind three or four addresses, the morning's sign-ins in half an hour: a few hundred per
 * address and quarter hour, typos included), and each account or user has its own, small one. Password guessing is
 * stopped by the account lockout (five wrong passwords, in the database); the per-account login
 * limit also bounds attempts on unknown addresses and on locked accounts, and the per-address one a
 * single machine spraying many accounts.
 */
export function createRateLimits({ redis, prefix = "ketnoi:rl:" }: RateLimitStorage = {}) {
  const limiter = (name: string, { windowMs, limit, key, failuresOnly = false }: Limit) =>
    rateLimit({
      windowMs,
      limit,
      identifier: name,
      keyGenerator: (req) => key(req) ?? "",
      // A request that names no account (refused by validation next) is not counted per account.
      skip: (req) => key(req) === undefined,
      skipSuccessfulRequests: failuresOnly,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      ...(redis ? { store: new SharedRateLimitStore(redis, `${prefix}${name}:`) } : {}),
      handler: (_req, _res, next, options) => next(new AppError("rate_limited", undefined, Math.ceil(options.windowMs / 1000))),
    });
  const perAddress = (name: string, windowMs: number, limit: number, failuresOnly = false) =>
    limiter(`${name}-address`, { windowMs, limit, key: address, failuresOnly });
  const perAccount = (name: string, windowMs: number, limit: number, failuresOnly = false) =>
    limiter(`${name}-account`, { windowMs, limit, key: accountOf, failuresOnly });
  const perUser = (name: string, windowMs: number, limit: Options["limit"]) => limiter(`${name}-user`, { windowMs, limit, key: userOrAddress });
  return {
    /** Failed sign-ins: 20 per account (the lockout speaks first, at 5), 600 per address, per 15 minutes. */
    login: all(perAccount("login", 15 * MINUTE, 20, true), perAddress("login", 15 * MINUTE, 600, true)),
    /** Registrations mail the address they name: 5 per address named, 200 per caller's address, per hour. */
    register: all(perAccount("register", HOUR, 5), perAddress("register", HOUR, 200)),
    registerConfirm: perAddress("register-confirm", HOUR, 200),
    acceptInvitation: perAddress("accept-invitation", HOUR, 200),
    passwordReset: all(perAccount("password-reset", HOUR, 5), perAddress("password-reset", HOUR, 200)),
    passwordResetConfirm: perAddress("password-reset-confirm", HOUR, 200),
    verificationResend: perUser("verification-resend", HOUR, 10),
    /** Invitations mail whoever they name: a firm's owner invites a team (20 an hour), organisers the fair's firms (500). */
    invitations: perUser("invitations", HOUR, (req) => (req.auth?.user.role === "organiser" ? 500 : 20)),
    meetingRequests: perUser("meeting-requests", MINUTE, 30),
    /** Socket tokens: a page asks on every (re)connect; visitors not signed in share their venue's address. */
    realtimeToken: perUser("realtime-token", MINUTE, (req) => (req.auth ? 60 : 600)),
    boothChat: perUser("booth-chat", MINUTE, 20),
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;
