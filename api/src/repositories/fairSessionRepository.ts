import { Types } from "mongoose";
import type { Models } from "../db/models";
import { bulkWriteInBatches } from "../db/bulk";
import type { FairSessionDoc } from "../db/models/fairSession";
import { toPlain, type Record_ } from "./plain";
import { createRevisionKeyedCache } from "./revisionKeyedCache";
import type { RevisionRepository } from "./revisionRepository";

export type FairSessionRecord = Record_<FairSessionDoc>;

/**
 * A session as stored: rooms written before they were localisable are one string, the demo's and
 * the organisers' Vietnamese; they read as that Vietnamese text (an edit stores the new form).
 */
function toRecord(doc: Parameters<typeof toPlain<FairSessionDoc>>[0]): FairSessionRecord {
  const record = toPlain(doc);
  const room: unknown = record.room;
  return typeof room === "string" ? { ...record, room: { vi: room } } : record;
}
export type FairSessionInput = Omit<FairSessionDoc, "createdAt" | "updatedAt" | "fairId"> & { fairId: string };

export interface FairSessionRepository {
  upsertMany(sessions: FairSessionInput[]): Promise<void>;
  listForFair(fairId: string): Promise<FairSessionRecord[]>;
  findById(id: string): Promise<FairSessionRecord | null>;
  /** Registers a company by claiming a free numbered seat: unique indexes keep both the firm and the capacity. */
  register(sessionId: string, companyId: string): Promise<"registered" | "already" | "full">;
  unregister(sessionId: string, companyId: string): Promise<boolean>;
  /** The sessions each of these companies registered for (one read for all of them). */
  sessionIdsByCompany(companyIds: string[]): Promise<Map<string, string[]>>;
  create(session: FairSessionInput): Promise<FairSessionRecord>;
  /** Inserts new sessions in one command (a copied programme). */
  createMany(sessions: FairSessionInput[]): Promise<void>;
  update(id: string, changes: Partial<Omit<FairSessionInput, "fairId" | "key">>): Promise<FairSessionRecord | null>;
  /** Deletes the session and its registrations (registrations first: none is left pointing nowhere). */
  delete(id: string): Promise<boolean>;
  countRegistrations(id: string): Promise<number>;
}

export function createFairSessionRepository(
  { FairSession, SessionRegistration }: Models,
  revisions: Pick<RevisionRepository, "get">,
): FairSessionRepository {
  const key = (sessionId: string, companyId: string) => `${sessionId}:${companyId}`;
  // Every booking asks whether its two firms are at a session then: the programme and who registered,
  // as they stand in this process (each a scan on FerretDB), read again after any change anywhere.
  const programme = createRevisionKeyedCache<string, FairSessionRecord[]>(revisions, "programme");
  const registrations = createRevisionKeyedCache<"all", Map<string, string[]>>(revisions, "programme");
  const registrationsByCompany = () =>
    registrations.get("all", async () => {
      const byCompany = new Map<string, string[]>();
      for (const r of await SessionRegistration.find({}, { companyId: 1, sessionId: 1 }).lean()) {
        const company = r.companyId.toHexString();
        byCompany.set(company, [...(byCompany.get(company) ?? []), r.sessionId.toHexString()]);
      }
      return byCompany;
    });
  return {
    async findById(id) {
      if (!Types.ObjectId.isValid(id)) return null;
      const doc = await FairSession.findById(id).lean();
      return doc ? toRecord(doc) : null;
    },
    async register(sessionId, companyId) {
      const _id = key(sessionId, companyId);
      if (await SessionRegistration.exists({ _id })) return "already";
      const session = await FairSession.findById(sessionId, { capacity: 1 }).lean();
      if (!session) return "full";
      const taken = new Set((await SessionRegistration.find({ sessionId: new Types.ObjectId(sessionId) }, { seat: 1 }).lean()).map((r) => r.seat));
      for (let n = 1; n <= session.capacity; n++) {
        const seat = `${sessionId}#${n}`;
        if (taken.has(seat)) continue;
        try {
          await SessionRegistration.create({ _id, sessionId: new Types.ObjectId(sessionId), companyId: new Types.ObjectId(companyId), seat });
          return "registered";
        } catch (err) {
          if ((err as { code?: number }).code !== 11000) throw err;
          if (await SessionRegistration.exists({ _id })) return "already"; // the same firm, at the same moment
        }
      }
      return "full";
    },
    async unregister(sessionId, companyId) {
      return (await SessionRegistration.deleteOne({ _id: key(sessionId, companyId) })).deletedCount === 1;
    },
    async create(session) {
      const doc = await FairSession.create({ ...session, fairId: new Types.ObjectId(session.fairId) });
      return toRecord(doc.toObject());
    },
    async update(id, changes) {
      const doc = await FairSession.findOneAndUpdate({ _id: id }, { $set: changes }, { returnDocument: "after", runValidators: true }).lean();
      return doc ? toRecord(doc) : null;
    },
    async delete(id) {
      await SessionRegistration.deleteMany({ sessionId: new Types.ObjectId(id) });
      return (await FairSession.deleteOne({ _id: id })).deletedCount === 1;
    },
    countRegistrations: (id) => SessionRegistration.countDocuments({ sessionId: new Types.ObjectId(id) }),
    async sessionIdsByCompany(companyIds) {
      const all = await registrationsByCompany();
      return new Map(companyIds.map((id) => [id, [...(all.get(id) ?? [])]]));
    },
    async createMany(sessions) {
      if (sessions.length) await FairSession.insertMany(sessions.map((s) => ({ ...s, fairId: new Types.ObjectId(s.fairId) })));
    },
    async upsertMany(sessions) {
      if (!sessions.length) return;
      await bulkWriteInBatches(
        FairSession,
        sessions.map((s) => ({
          updateOne: {
            filter: { key: s.key },
            update: { $set: { ...s, fairId: new Types.ObjectId(s.fairId) } },
            upsert: true,
          },
        })),
      );
    },
    listForFair: (fairId) =>
      programme.get(fairId, async () => {
        const docs = await FairSession.find({ fairId: new Types.ObjectId(fairId) })
          .sort({ startsAt: 1 })
          .lean();
        return docs.map((d) => toRecord(d));
      }),
  };
}
