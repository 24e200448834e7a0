import { Types } from "mongoose";
import type { Models } from "../db/models";

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** The numbered password checks of an account's run of failures (see the loginFailure model). */
export interface LoginFailureRepository {
  /**
   * Claims the next free number (1 to `limit`) of the user's run for a password check; when every
   * number is taken, says when the last was claimed (the lock runs from then).
   */
  claim(userId: string, run: number, limit: number, at: Date): Promise<{ claimed: number } | { full: true; lastAt: Date }>;
  /** Forgets the user's checks (a right password, a new password, a deleted account). */
  deleteForUser(userId: string): Promise<void>;
  /** Forgets the user's checks of runs before `run` (a lock that has run out). */
  deleteRunsBefore(userId: string, run: number): Promise<void>;
}

export function createLoginFailureRepository({ LoginFailure }: Models): LoginFailureRepository {
  return {
    async claim(userId, run, limit, at) {
      const ids = Array.from({ length: limit }, (_, i) => `${userId}:${run}:${i + 1}`);
      // One read of which numbers are taken, then each free one in order until a claim holds: of
      // simultaneous attempts, each number goes to exactly one.
      const taken = new Set((await LoginFailure.find({ _id: { $in: ids } }, { _id: 1 }).lean()).map((d) => String(d._id)));
      for (const [i, id] of ids.entries()) {
        if (taken.has(id)) continue;
        try {
          await LoginFailure.create({ _id: id, userId: new Types.ObjectId(userId), run, n: i + 1, at });
          return { claimed: i + 1 };
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
      }
      const claims = await LoginFailure.find({ _id: { $in: ids } }, { at: 1 }).lean();
      // None left: a right password ended the run meanwhile, so nothing holds the account.
      return { full: true, lastAt: new Date(claims.length ? Math.max(...claims.map((c) => c.at.getTime())) : 0) };
    },
    async deleteForUser(userId) {
      await LoginFailure.deleteMany({ userId: new Types.ObjectId(userId) });
    },
    async deleteRunsBefore(userId, run) {
      await LoginFailure.deleteMany({ userId: new Types.ObjectId(userId), run: { $lt: run } });
    },
  };
}
