import mongoose, { type Types } from "mongoose";
import type { Models } from "../db/models";

const { EJSON } = mongoose.mongo.BSON;

/** A stored record exactly as the database holds it (ids, dates and bytes as BSON values). */
export type RawRecord = Record<string, unknown> & { _id: unknown };
type Collection = {
  find(filter: object): { toArray(): Promise<RawRecord[]> };
  insertMany(docs: RawRecord[], options: object): Promise<unknown>;
  deleteMany(filter: object): Promise<unknown>;
};

/** A fair and everything that belongs to it, collection by collection, in the order an import writes them. */
export const FAIR_PARTS = [
  "fairs",
  "companies",
  "participations",
  "users",
  "interpreters",
  "fairSessions",
  "sessionRegistrations",
  "attachments",
  "attachmentChunks",
  "meetings",
  "meetingEvents",
  "reservations",
  "videoAttendance",
  "boothChat",
  "boothQueue",
  "boothAdmissions",
  "matchFeedback",
  "schedulePlans",
  "planPublications",
] as const;
export type FairPart = (typeof FAIR_PARTS)[number];

type Read = { fairId: unknown } & Partial<Record<FairPart, RawRecord[]>> & {
    companies: RawRecord[];
    fairSessions: RawRecord[];
    attachments: RawRecord[];
    meetings: RawRecord[];
  };

/** What every part is read from, given the ids found in the parts before it. */
function sources(models: Models) {
  const m = models as unknown as Record<string, { collection: Collection }>;
  const c = (name: string) => m[name]!.collection;
  const ids = (docs: RawRecord[]) => docs.map((d) => d._id);
  return {
    fairs: { collection: c("Fair"), filter: (x: Read) => ({ _id: x.fairId }) },
    companies: { collection: c("Company"), filter: (x: Read) => ({ fairId: x.fairId }) },
    participations: { collection: c("Participation"), filter: (x: Read) => ({ fairId: x.fairId }) },
    users: { collection: c("User"), filter: (x: Read) => ({ companyId: { $in: ids(x.companies) } }) },
    interpreters: { collection: c("Interpreter"), filter: (x: Read) => ({ fairId: x.fairId }) },
    fairSessions: { collection: c("FairSession"), filter: (x: Read) => ({ fairId: x.fairId }) },
    sessionRegistrations: { collection: c("SessionRegistration"), filter: (x: Read) => ({ sessionId: { $in: ids(x.fairSessions) } }) },
    attachments: { collection: c("Attachment"), filter: (x: Read) => ({ companyId: { $in: ids(x.companies) } }) },
    // Chunks are keyed "<attachment>:<n>", n below the attachment's chunk count.
    attachmentChunks: {
      collection: c("AttachmentChunk"),
      filter: (x: Read) => ({
        _id: { $in: x.attachments.flatMap((a) => Array.from({ length: Number(a.chunks) }, (_, n) => `${String(a._id)}:${n}`)) },
      }),
    },
    meetings: { collection: c("Meeting"), filter: (x: Read) => ({ fairId: x.fairId }) },
    meetingEvents: { collection: c("MeetingEvent"), filter: (x: Read) => ({ meetingId: { $in: ids(x.meetings) } }) },
    reservations: { collection: c("Reservation"), filter: (x: Read) => ({ meetingId: { $in: ids(x.meetings) } }) },
    videoAttendance: { collection: c("VideoAttendance"), filter: (x: Read) => ({ meetingId: { $in: ids(x.meetings) } }) },
    boothChat: { collection: c("BoothChatMessage"), filter: (x: Read) => ({ companyId: { $in: ids(x.companies) } }) },
    boothQueue: { collection: c("BoothQueueEntry"), filter: (x: Read) => ({ companyId: { $in: ids(x.companies) } }) },
    boothAdmissions: { collection: c("BoothAdmission"), filter: (x: Read) => ({ companyId: { $in: ids(x.companies) } }) },
    matchFeedback: { collection: c("MatchFeedback"), filter: (x: Read) => ({ fairId: x.fairId }) },
    schedulePlans: { collection: c("SchedulePlan"), filter: (x: Read) => ({ fairId: x.fairId }) },
    planPublications: { collection: c("PlanPublication"), filter: (x: Read) => ({ fairId: x.fairId }) },
  } satisfies Record<FairPart, { collection: Collection; filter: (x: Read) => object }>;
}

/** A fair's records as stored, raw, for moving a whole fair between databases (see commands/fairs/fairData.ts). */
export interface FairArchiveRepository {
  /** Every part of the fair with this slug, read in FAIR_PARTS order; null when there is no such fair. */
  readFair(slug: string): Promise<Record<FairPart, RawRecord[]> | null>;
  /** Whether a fair with this record's id or slug is stored already. */
  holdsFair(fair: RawRecord): Promise<boolean>;
  /** Inserts the records in order; on failure names those of them that did go in (and only those), with the error. */
  insert(part: FairPart, records: RawRecord[]): Promise<{ inserted: unknown[]; error?: unknown }>;
  remove(part: FairPart, ids: unknown[]): Promise<void>;
  /** Canonical Extended JSON, so ids, dates and file bytes survive the trip; `parse` reads it back. */
  stringify(value: unknown): string;
  parse(text: string): unknown;
}

export function createFairArchiveRepository(models: Models): FairArchiveRepository {
  const src = sources(models);
  return {
    async readFair(slug) {
      const fair = await models.Fair.findOne({ slug }).lean();
      if (!fair) return null;
      const read = { fairId: fair._id, companies: [], fairSessions: [], attachments: [], meetings: [] } as Read;
      for (const part of FAIR_PARTS) read[part] = await src[part].collection.find(src[part].filter(read)).toArray();
      return Object.fromEntries(FAIR_PARTS.map((p) => [p, read[p]!])) as Record<FairPart, RawRecord[]>;
    },
    async holdsFair(fair) {
      return (await models.Fair.countDocuments({ $or: [{ _id: fair._id as Types.ObjectId }, { slug: fair.slug as string }] })) > 0;
    },
    async insert(part, records) {
      try {
        await src[part].collection.insertMany(records, { ordered: true });
        return { inserted: records.map((d) => d._id) };
      } catch (error) {
        // Only what this batch did insert is reported (never a record that was in the way).
        const inserted = (error as { insertedIds?: Record<number, unknown> }).insertedIds;
        return { inserted: Object.values(inserted ?? {}), error };
      }
    },
    async remove(part, ids) {
      await src[part].collection.deleteMany({ _id: { $in: ids } });
    },
    stringify: (value) => EJSON.stringify(value, { relaxed: false }),
    parse: (text) => EJSON.parse(text, { relaxed: false }),
  };
}
