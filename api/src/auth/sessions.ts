import { createHash } from "node:crypto";
import { rooms } from "@ketnoi/contracts";
import type { EventPublisher } from "../services/events";
import type { Repositories } from "../repositories";
import { hashToken, randomToken } from "../services/secrets";
import { SESSION_TTL_MS } from "./context";

/**
 * Starts a session for the user: the token goes to the browser (in the session cookie), the
 * database keeps only its hash.
 */
export async function createSession(repos: Repositories, userId: string, now: Date) {
  const token = randomToken();
  const csrfToken = randomToken();
  await repos.sessions.create(hashToken(token), { userId, csrfToken, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) });
  return { token, csrfToken };
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
