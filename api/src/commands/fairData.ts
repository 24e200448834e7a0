import mongoose, { Types } from "mongoose";
import type { Models } from "../db/models";

const { EJSON } = mongoose.mongo.BSON;
type Doc = Record<string, unknown> & { _id: unknown };
type Model = { collection: { find(filter: object): { toArray(): Promise<Doc[]> }; insertMany(docs: Doc[], options: object): Promise<unknown>; deleteMany(filter: object): Promise<unknown>; countDocuments(filter: object): Promise<number> } };

/** A fair and everything that belongs to it, collection by collection, in the order an import writes them. */
const PARTS = [
  "fairs",
  "companies",
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
] as const;
type Part = (typeof PARTS)[number];

export const FAIR_EXPORT_FORMAT = "ketnoi-fair-export";

/** What every part is read from, given the ids found in the parts before it. */
function sources(models: Models) {
  const m = models as unknown as Record<string, Model>;
  const ids = (docs: Doc[]) => docs.map((d) => d._id);
  return {
    fairs: { model: m.Fair!, filter: (x: Ctx) => ({ _id: x.fairId }) },
    companies: { model: m.Company!, filter: (x: Ctx) => ({ fairId: x.fairId }) },
    users: { model: m.User!, filter: (x: Ctx) => ({ companyId: { $in: ids(x.companies) } }) },
    interpreters: { model: m.Interpreter!, filter: (x: Ctx) => ({ fairId: x.fairId }) },
    fairSessions: { model: m.FairSession!, filter: (x: Ctx) => ({ fairId: x.fairId }) },
    sessionRegistrations: { model: m.SessionRegistration!, filter: (x: Ctx) => ({ sessionId: { $in: ids(x.fairSessions) } }) },
    attachments: { model: m.Attachment!, filter: (x: Ctx) => ({ companyId: { $in: ids(x.companies) } }) },
    // Chunks are keyed "<attachment>:<n>", n below the attachment's chunk count.
    attachmentChunks: { model: m.AttachmentChunk!, filter: (x: Ctx) => ({ _id: { $in: x.attachments.flatMap((a) => Array.from({ length: Number(a.chunks) }, (_, n) => `${String(a._id)}:${n}`)) } }) },
    meetings: { model: m.Meeting!, filter: (x: Ctx) => ({ fairId: x.fairId }) },
    meetingEvents: { model: m.MeetingEvent!, filter: (x: Ctx) => ({ meetingId: { $in: ids(x.meetings) } }) },
    reservations: { model: m.Reservation!, filter: (x: Ctx) => ({ meetingId: { $in: ids(x.meetings) } }) },
    videoAttendance: { model: m.VideoAttendance!, filter: (x: Ctx) => ({ meetingId: { $in: ids(x.meetings) } }) },
    boothChat: { model: m.BoothChatMessage!, filter: (x: Ctx) => ({ companyId: { $in: ids(x.companies) } }) },
    boothQueue: { model: m.BoothQueueEntry!, filter: (x: Ctx) => ({ companyId: { $in: ids(x.companies) } }) },
    boothAdmissions: { model: m.BoothAdmission!, filter: (x: Ctx) => ({ companyId: { $in: ids(x.companies) } }) },
    matchFeedback: { model: m.MatchFeedback!, filter: (x: Ctx) => ({ fairId: x.fairId }) },
    schedulePlans: { model: m.SchedulePlan!, filter: (x: Ctx) => ({ fairId: x.fairId }) },
  } satisfies Record<Part, { model: Model; filter: (x: Ctx) => object }>;
}
type Ctx = { fairId: unknown } & Partial<Record<Part, Doc[]>> & { companies: Doc[]; fairSessions: Doc[]; attachments: Doc[]; meetings: Doc[] };

/**
 * A whole fair as one JSON document (Extended JSON, so ids, dates and file bytes survive the trip).
 * Users come without their password hashes: an imported account signs in after a password reset.
 */
export async function exportFair(models: Models, slug: string): Promise<string | null> {
  const fair = await models.Fair.findOne({ slug }).lean();
  if (!fair) return null;
  const src = sources(models);
  const ctx = { fairId: fair._id, companies: [], fairSessions: [], attachments: [], meetings: [] } as Ctx;
  const out: Record<string, Doc[]> = {};
  for (const part of PARTS) {
    let docs = await src[part].model.collection.find(src[part].filter(ctx)).toArray();
    // Neither the password nor the sign-in lockout's state (loginRun; older records' failedLogins, lockedUntil).
    if (part === "users") docs = docs.map(({ passwordHash: _hash, loginRun: _r, failedLogins: _f, lockedUntil: _l, ...user }) => user as Doc);
    (ctx as Record<string, Doc[]>)[part] = docs;
    out[part] = docs;
  }
  return EJSON.stringify({ format: FAIR_EXPORT_FORMAT, version: 1, exportedAt: new Date(), slug, parts: out }, { relaxed: false });
}

export class FairImportError extends Error {}

/**
 * Writes an exported fair into this database. Refused when the fair (or any of its records) is
 * already here; if a write fails part-way, what was written is removed again, so nothing is left
 * half-imported. Returns how many records of each part were written.
 */
export async function importFair(models: Models, text: string): Promise<Record<string, number>> {
  const data = EJSON.parse(text, { relaxed: false }) as { format?: string; version?: number; parts?: Record<string, Doc[]> };
  if (data.format !== FAIR_EXPORT_FORMAT || Number(data.version) !== 1 || !data.parts) throw new FairImportError("not a Ketnoi fair export (version 1)");
  const src = sources(models);
  const fair = data.parts.fairs?.[0];
  if (!fair) throw new FairImportError("the export holds no fair");
  if ((await models.Fair.countDocuments({ $or: [{ _id: fair._id as Types.ObjectId }, { slug: fair.slug as string }] })) > 0) throw new FairImportError(`the fair "${String(fair.slug)}" is already here`);
  const written: { part: Part; ids: unknown[] }[] = [];
  try {
    for (const part of PARTS) {
      let docs = data.parts[part] ?? [];
      // Accounts arrive locked: a reset sets their password.
      if (part === "users") docs = docs.map((u) => ({ ...u, passwordHash: "!reset-required" }));
      for (let i = 0; i < docs.length; i += 50) {
        const batch = docs.slice(i, i + 50);
        try {
          await src[part].model.collection.insertMany(batch, { ordered: true });
          written.push({ part, ids: batch.map((d) => d._id) });
        } catch (err) {
          // Only what this batch did insert is ours to remove (never a record that was in the way).
          const inserted = (err as { insertedIds?: Record<number, unknown> }).insertedIds;
          written.push({ part, ids: Object.values(inserted ?? {}) });
          throw err;
        }
      }
    }
  } catch (err) {
    for (const { part, ids } of written.reverse()) await src[part].model.collection.deleteMany({ _id: { $in: ids } });
    throw err instanceof FairImportError ? err : new FairImportError(`import failed and was undone: ${(err as Error).message}`);
  }
  return Object.fromEntries(PARTS.map((p) => [p, data.parts![p]?.length ?? 0]));
}
