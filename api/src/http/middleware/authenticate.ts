import type { RequestHandler } from "express";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "../../errors";
import { CSRF_HEADER, SESSION_COOKIE } from "../../auth/context";
import type { SessionCache } from "../../services/sessionCache";
import { hashToken } from "../../services/secrets";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie to `req.auth`, and guards cookie-authenticated writes: an unsafe
 * request must come from our own origin (when the browser says where it comes from) and, once signed
 * in, carry the session's CSRF token in X-CSRF-Token.
 */
export function authenticate(sessions: SessionCache, publicOrigin: string, now: () => Date): RequestHandler {
  return async (req, _res, next) => {
    try {
      const unsafe = !SAFE_METHODS.has(req.method);
      const origin = req.get("origin");
      if (unsafe && origin && origin !== publicOrigin) throw new AppError("csrf_failed");

      const token: unknown = req.cookies?.[SESSION_COOKIE];
      if (typeof token === "string" && token.length > 0 && token.length < 200) {
        const sessionHash = hashToken(token);
        const found = await sessions.lookup(sessionHash, now());
        if (found) {
          const { session, user } = found;
          if (unsafe && !sameToken(req.get(CSRF_HEADER) ?? "", session.csrfToken)) throw new AppError("csrf_failed");
          req.auth = { user, sessionHash, csrfToken: session.csrfToken };
        }
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
