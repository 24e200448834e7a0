import { randomBytes } from "node:crypto";
import { Types } from "mongoose";
import type { Models } from "../db/models";

/** Every write that failed lost to an existing key (a bulk write's errors, or the one error). */
const onlyDuplicateKeys = (err: unknown) => {
  const { code, writeErrors } = err as { code?: number; writeErrors?: { code?: number }[] };
  return writeErrors?.length ? writeErrors.every((e) => e.code === 11000) : code === 11000;
};
/** 16 random bytes, base64url: 22 characters, unguessable. */
const newCode = () => randomBytes(16).toString("base64url");

export interface BadgeRepository {
  /** The user's badge code, made on first use (two callers at once get the same code). */
  codeFor(userId: string): Promise<string>;
  /** Codes for many users at once (printing a fair's badges), made where missing. */
  codesFor(userIds: string[]): Promise<Map<string, string>>;
  /** Whose badge this is, or null for a code that is not one. */
  userFor(code: string): Promise<string | null>;
  /** Forgets a user's badge (their personal data is erased): a printed badge no longer resolves. */
  removeFor(userId: string): Promise<void>;
}

export function createBadgeRepository({ Badge }: Models): BadgeRepository {
  const existing = async (userIds: string[]) => {
    const docs = await Badge.find({ userId: { $in: userIds.map((id) => new Types.ObjectId(id)) } }).lean<{ _id: string; userId: Types.ObjectId }[]>();
    return new Map(docs.map((d) => [d.userId.toHexString(), d._id]));
  };
  const repo: BadgeRepository = {
    async codeFor(userId) {
      return (await repo.codesFor([userId])).get(userId)!;
    },
    async codesFor(userIds) {
      const codes = await existing(userIds);
      const missing = userIds.filter((id) => !codes.has(id));
      if (missing.length) {
        try {
          await Badge.insertMany(
            missing.map((id) => ({ _id: newCode(), userId: new Types.ObjectId(id) })),
            { ordered: false },
          );
        } catch (err) {
          // Another request made some of them first: theirs stand, read below.
          if (!onlyDuplicateKeys(err)) throw err;
        }
        for (const [id, code] of await existing(missing)) codes.set(id, code);
      }
      return codes;
    },
    async userFor(code) {
      const doc = await Badge.findById(code).lean<{ userId: Types.ObjectId }>();
      return doc ? doc.userId.toHexString() : null;
    },
    async removeFor(userId) {
      await Badge.deleteOne({ userId: new Types.ObjectId(userId) });
    },
  };
  return repo;
}
