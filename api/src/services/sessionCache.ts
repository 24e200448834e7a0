import type { Repositories } from "../repositories";
import type { SessionRecord } from "../repositories/sessionRepository";
import type { UserRecord } from "../repositories/userRepository";

/** Sessions kept in one api process at most (the oldest go first): a fair's people, signed in at once, fit many times over. */
const MAX_ENTRIES = 20_000;

/**
 * Signed-in sessions and their users, kept in this api process, so a request costs one read (the
 * "sessions" revision, by _id) instead of two (the session, then its user). Any sign-out, expired
 * session swept, or account change, in any process, bumps the revision before it answers, and every
 * process's next request sees it and forgets what it kept: a session signed out on one process is
 * refused at the next request on any other.
 */
export function createSessionCache(repos: Pick<Repositories, "revisions" | "sessions" | "users">) {
  let revision = -1;
  /** Each entry with the revision it was read at: a read that overlapped a bump is never trusted after it. */
  const entries = new Map<string, { session: SessionRecord; user: UserRecord; revision: number }>();
  return {
    async lookup(sessionHash: string, now: Date): Promise<{ session: SessionRecord; user: UserRecord } | null> {
      const current = await repos.revisions.get("sessions");
      if (current !== revision) {
        entries.clear();
        revision = current;
      }
      const kept = entries.get(sessionHash);
      if (kept && kept.revision === current && kept.session.expiresAt > now) return kept;
      entries.delete(sessionHash);
      const session = await repos.sessions.findValid(sessionHash, now);
      const user = session ? await repos.users.findById(session.userId) : null;
      if (!session || !user) return null;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(sessionHash, { session, user, revision: current });
      return { session, user };
    },
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;
