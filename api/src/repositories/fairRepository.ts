import type { Models } from "../db/models";
import type { FairDoc } from "../db/models/fair";
import { toPlain, type Record_ } from "./plain";
import type { FairSetup } from "@ketnoi/contracts";

export type FairRecord = Record_<FairDoc>;
export type FairInput = FairSetup;

export interface FairRepository {
  findBySlug(slug: string): Promise<FairRecord | null>;
  /** The fair running now or next; with none ahead, the most recent one. */
  findCurrent(now: Date): Promise<FairRecord | null>;
  upsertBySlug(fair: FairInput): Promise<FairRecord>;
}

export function createFairRepository({ Fair }: Models): FairRepository {
  return {
    async findBySlug(slug) {
      const doc = await Fair.findOne({ slug }).lean();
      return doc ? toPlain(doc) : null;
    },
    async findCurrent(now) {
      const fairs = (await Fair.find().lean()).map((doc) => toPlain(doc));
      const today = now.toISOString().slice(0, 10);
      const lastDay = (f: FairRecord) => f.days[f.days.length - 1] ?? "";
      const ahead = fairs.filter((f) => lastDay(f) >= today).sort((a, b) => lastDay(a).localeCompare(lastDay(b)));
      if (ahead[0]) return ahead[0];
      return fairs.sort((a, b) => lastDay(b).localeCompare(lastDay(a)))[0] ?? null;
    },
    async upsertBySlug(fair) {
      const doc = await Fair.findOneAndUpdate({ slug: fair.slug }, { $set: fair }, { upsert: true, returnDocument: "after", runValidators: true }).lean();
      return toPlain(doc!);
    },
  };
}
