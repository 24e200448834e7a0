import { Types } from "mongoose";
import type { Models } from "../db/models";
import type { RevisionRepository } from "./revisionRepository";

export interface SessionRecord {
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionRepository {
  create(tokenHash: string, session: SessionRecord): Promise<void>;
  /** The session if it exists and has not expired (an expired one is deleted). */
  findValid(tokenHash: string, now: Date): Promise<SessionRecord | null>;
  delete(tokenHash: string): Promise<void>;
  /** Deletes every session of the user and returns their hashes (to end their sockets too). */
  deleteAllForUser(userId: string): Promise<string[]>;
  deleteExpired(now: Date): Promise<number>;
}

/** Ending sessions bumps the "sessions" revision (after the delete), so no process keeps answering for them. */
export function createSessionRepository({ Session }: Models, revisions: RevisionRepository): SessionRepository {
  const ended = () => revisions.bump("sessions");
  return {
    async create(tokenHash, s) {
      await Session.create({ _id: tokenHash, userId: new Types.ObjectId(s.userId), csrfToken: s.csrfToken, expiresAt: s.expiresAt });
    },
    async findValid(tokenHash, now) {
      const doc = await Session.findById(tokenHash).lean();
      if (!doc) return null;
      if (doc.expiresAt <= now) {
        await Session.deleteOne({ _id: tokenHash });
        await ended();
        return null;
      }
      return { userId: doc.userId.toHexString(), csrfToken: doc.csrfToken, expiresAt: doc.expiresAt };
    },
    async delete(tokenHash) {
      await Session.deleteOne({ _id: tokenHash });
      await ended();
    },
    async deleteAllForUser(userId) {
      const sessions = await Session.find({ userId: new Types.ObjectId(userId) }, { _id: 1 }).lean();
      await Session.deleteMany({ userId: new Types.ObjectId(userId) });
      await ended();
      return sessions.map((s) => String(s._id));
    },
    async deleteExpired(now) {
      const swept = (await Session.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
      if (swept) await ended();
      return swept;
    },
  };
}
