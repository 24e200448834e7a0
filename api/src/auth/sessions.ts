import { createHash } from "node:crypto";
import type { Response } from "express";
import { rooms, type SessionView } from "@ketnoi/contracts";
import type { EventPublisher } from "../services/events";
import type { Repositories } from "../repositories";
import type { UserRecord } from "../repositories/userRepository";
import { hashToken, randomToken } from "../services/secrets";
import { SESSION_COOKIE, SESSION_TTL_MS } from "./context";

export interface CookiePolicy {
  /** Secure cookies when the public origin is https. */
  secure: boolean;
}

export function presentSession(user: UserRecord, csrfToken: string): SessionView {
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      ...(user.companyId ? { companyId: user.companyId } : {}),
      ...(user.companyRole ? { companyRole: user.companyRole } : {}),
      locale: user.locale,
      timeZone: user.timeZone,
      emailVerified: Boolean(user.emailVerifiedAt),
    },
    csrfToken,
  };
}

/** Starts a session for the user: the cookie carries the token, the database only its hash. */
export async function startSession(repos: Repositories, res: Response, cookies: CookiePolicy, user: UserRecord, now: Date) {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await repos.sessions.create(hashToken(token), { userId: user.id, csrfToken, expiresAt });
  // Max-Age, not an instant: the browser times the cookie by its own clock, which may differ from
  // the server's (and from the api's injected clock); the session record's expiry is what counts.
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: cookies.secure, path: "/", maxAge: SESSION_TTL_MS });
  return presentSession(user, csrfToken);
}

/** The session's name on the realtime service: a digest of its hash, so the token reveals nothing usable. */
export const socketSessionId = (sessionHash: string) => createHash("sha256").update(`socket:${sessionHash}`).digest("hex").slice(0, 16);

/**
 * Ends a session: deleted server-side, its socket tokens refused by the realtime nodes from now on
 * (not only when they expire), and its open sockets closed on every node.
 */
export async function endSession(repos: Repositories, events: EventPublisher, sessionHash: string) {
  await repos.sessions.delete(sessionHash);
  await events.sessionEnded(socketSessionId(sessionHash));
}

/** Ends every session of a user (a password reset, a deleted account), and closes all of its sockets. */
export async function endAllSessions(repos: Repositories, events: EventPublisher, userId: string) {
  const ended = await repos.sessions.deleteAllForUser(userId);
  await Promise.all(ended.map((hash) => events.sessionEnded(socketSessionId(hash))));
  events.disconnect(rooms.user(userId));
}

export function clearSessionCookie(res: Response, cookies: CookiePolicy) {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: cookies.secure, path: "/" });
}
