import { Types } from "mongoose";
import type { Models } from "../db/models";

/** Secret calendar-feed tokens, kept as hashes: one live feed per user. */
export interface CalendarFeedRepository {
  /** Replaces the user's feed with a new token hash (the old URL stops working). */
  replace(userId: string, tokenHash: string): Promise<void>;
  userIdFor(tokenHash: string): Promise<string | null>;
  deleteForUser(userId: string): Promise<void>;
}

export function createCalendarFeedRepository({ CalendarFeed }: Models): CalendarFeedRepository {
  const deleteForUser = async (userId: string) => {
    await CalendarFeed.deleteMany({ userId: new Types.ObjectId(userId) });
  };
  return {
    async replace(userId, tokenHash) {
      await deleteForUser(userId);
      await CalendarFeed.create({ _id: tokenHash, userId: new Types.ObjectId(userId) });
    },
    async userIdFor(tokenHash) {
      const row = await CalendarFeed.findById(tokenHash).lean();
      return row ? row.userId.toHexString() : null;
    },
    deleteForUser,
  };
}
