import { Types } from "mongoose";
import type { Models } from "../db/models";
import type { ONE_TIME_TOKEN_PURPOSES } from "../db/models/oneTimeToken";

export type TokenPurpose = (typeof ONE_TIME_TOKEN_PURPOSES)[number];

export interface OneTimeTokenRepository {
  create(tokenHash: string, purpose: TokenPurpose, userId: string, expiresAt: Date): Promise<void>;
  /** Takes the token (deleting it, so it works once) and returns its user if it was valid. */
  consume(tokenHash: string, purpose: TokenPurpose, now: Date): Promise<string | null>;
  deleteForUser(userId: string, purpose?: TokenPurpose): Promise<void>;
}

export function createOneTimeTokenRepository({ OneTimeToken }: Models): OneTimeTokenRepository {
  return {
    async create(tokenHash, purpose, userId, expiresAt) {
      await OneTimeToken.create({ tokenHash, purpose, userId: new Types.ObjectId(userId), expiresAt });
    },
    async consume(tokenHash, purpose, now) {
      const doc = await OneTimeToken.findOneAndDelete({ tokenHash, purpose }).lean();
      return doc && doc.expiresAt > now ? doc.userId.toHexString() : null;
    },
    async deleteForUser(userId, purpose) {
      await OneTimeToken.deleteMany({ userId: new Types.ObjectId(userId), ...(purpose ? { purpose } : {}) });
    },
  };
}
