import type { Response } from "express";
import { SESSION_COOKIE, SESSION_TTL_MS } from "../auth/context";

export interface CookiePolicy {
  /** Secure cookies when the public origin is https. */
  secure: boolean;
}

/** The session cookie carries the session's token (the database has only its hash). */
export function setSessionCookie(res: Response, cookies: CookiePolicy, token: string) {
  // Max-Age, not an instant: the browser times the cookie by its own clock, which may differ from
  // the server's (and from the api's injected clock); the session record's expiry is what counts.
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: cookies.secure, path: "/", maxAge: SESSION_TTL_MS });
}

export function clearSessionCookie(res: Response, cookies: CookiePolicy) {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: cookies.secure, path: "/" });
}
