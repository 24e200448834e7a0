import { Types } from "mongoose";
import type { Models } from "../db/models";
import { bulkWriteInBatches } from "../db/bulk";
import type { FairSessionDoc } from "../db/models/fairSession";
import { toPlain, type Record_ } from "./plain";

export type FairSessionRecord = Record_<FairSessionDoc>;
export type FairSessionInput = Omit<FairSessionDoc, "createdAt" | "updatedAt" | "fairId"> & { fairId: string };

export interface FairSessionRepository {
  upsertMany(sessions: FairSessionInput[]): Promise<void>;
  listForFair(fairId: string): Promise<FairSessionRecord[]>;
}

export function createFairSessionRepository({ FairSession }: Models): FairSessionRepository {
  return {
    async upsertMany(sessions) {
      if (!sessions.length) return;
      await bulkWriteInBatches(
          FairSession,
          sessions.map((s) => ({
          updateOne: { filter: { key: s.key }, update: { $set: { ...s, fairId: new Types.ObjectId(s.fairId) } }, upsert: true },
        })),
      );
    },
    async listForFair(fairId) {
      const docs = await FairSession.find({ fairId: new Types.ObjectId(fairId) }).sort({ startsAt: 1 }).lean();
      return docs.map((d) => toPlain(d));
    },
  };
}
