import type { Models } from "../db/models";
import type { FairDoc } from "../db/models/fair";
import { toPlain } from "./plain";
import type { FairSetup } from "@ketnoi/contracts";
import { createRevisionKeyedCache } from "./revisionKeyedCache";
import type { RevisionRepository } from "./revisionRepository";

/** The stored fair: its set-up (the schema requires every field) and its id. */
export type FairRecord = FairSetup & { id: string };
const toFair = (doc: object) => toPlain(doc as FairDoc) as unknown as FairRecord;
export type FairInput = FairSetup;

export interface FairRepository {
  findBySlug(slug: string): Promise<FairRecord | null>;
  findById(id: string): Promise<FairRecord | null>;
  /** The fair running now or next; with none ahead, the most recent one (of these events, when given). */
  findCurrent(now: Date, among?: readonly string[]): Promise<FairRecord | null>;
  /** Every event, in the order of their first day. */
  list(): Promise<FairRecord[]>;
  /** Creates an event; false when its slug is taken (the unique index decides, not a read before). */
  create(fair: FairInput): Promise<FairRecord | null>;
  upsertBySlug(fair: FairInput): Promise<FairRecord>;
}

/** Every read is answered from the events as they stand in this process (a few documents, read again after any event's write anywhere). */
export function createFairRepository({ Fair }: Models, revisions: Pick<RevisionRepository, "get">): FairRepository {
  const events = createRevisionKeyedCache<"all", FairRecord[]>(revisions, "fairs");
  const all = () => events.get("all", async () => (await Fair.find().lean()).map(toFair));
  return {
    async findBySlug(slug) {
      return (await all()).find((f) => f.slug === slug) ?? null;
    },
    async findById(id) {
      return (await all()).find((f) => f.id === id) ?? null;
    },
    async findCurrent(now, among) {
      const fairs = (await all()).filter((f) => !among || among.includes(f.id));
      const today = now.toISOString().slice(0, 10);
      const lastDay = (f: FairRecord) => f.days[f.days.length - 1] ?? "";
      // The next to end, else the last that ended. Days are ISO dates: compared as text, not by locale
      // (localeCompare was most of this, on every request that names no event).
      let next: FairRecord | null = null;
      let last: FairRecord | null = null;
      for (const f of fairs) {
        if (lastDay(f) >= today) {
          if (!next || lastDay(f) < lastDay(next)) next = f;
        } else if (!last || lastDay(f) > lastDay(last)) last = f;
      }
      return next ?? last;
    },
    async list() {
      return [...(await all())].sort((a, b) => (a.days[0] ?? "").localeCompare(b.days[0] ?? "") || a.slug.localeCompare(b.slug));
    },
    async create(fair) {
      try {
        return toFair((await Fair.create(fair)).toObject());
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return null;
        throw err;
      }
    },
    async upsertBySlug(fair) {
      const doc = await Fair.findOneAndUpdate(
        { slug: fair.slug },
        { $set: fair },
        { upsert: true, returnDocument: "after", runValidators: true },
      ).lean();
      return toFair(doc!);
    },
  };
}
