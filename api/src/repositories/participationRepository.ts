import { Types } from "mongoose";
import type { Models } from "../db/models";
import { duplicateKeyIndexes } from "../db/bulk";
import type { RevisionRepository } from "./revisionRepository";

export type ParticipationStatus = "pending" | "approved";
export type ParticipationMode = "onsite" | "remote";

/** A firm taking part in one event (the event's own data about the firm hangs off it). */
export interface ParticipationRecord {
  id: string;
  fairId: string;
  companyId: string;
  status: ParticipationStatus;
  participation: ParticipationMode;
  createdAt: Date;
}
export type ParticipationInput = Pick<ParticipationRecord, "fairId" | "companyId" | "status" | "participation">;

export interface ParticipationRepository {
  /** Registers a firm for an event; false when it is registered already (the _id is unique). */
  register(input: ParticipationInput): Promise<boolean>;
  /** Registers each firm that is not registered yet and leaves the others as they are (imports, migration). */
  ensureMany(inputs: ParticipationInput[]): Promise<void>;
  find(fairId: string, companyId: string): Promise<ParticipationRecord | null>;
  listForFair(fairId: string): Promise<ParticipationRecord[]>;
  /** Every registration (one scan): what the in-memory directory is built from. */
  listAll(): Promise<ParticipationRecord[]>;
  listForFairs(fairIds: string[]): Promise<ParticipationRecord[]>;
  listForCompany(companyId: string): Promise<ParticipationRecord[]>;
  listForCompanies(companyIds: string[]): Promise<ParticipationRecord[]>;
  /** Approves a pending registration; false when there is none pending. */
  approve(fairId: string, companyId: string): Promise<boolean>;
  removeForCompany(companyId: string): Promise<void>;
}

const idOf = (fairId: string, companyId: string) => `${fairId}:${companyId}`;
/** Rows per insert command. */
const INSERT_BATCH = 500;
const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** Every write bumps the "companies" revision: who takes part in which event is firm data that caches in every process hold. */
export function createParticipationRepository({ Participation }: Models, revisions: RevisionRepository): ParticipationRepository {
  const changed = () => revisions.bump("companies");
  type Doc = { _id: string; fairId: Types.ObjectId; companyId: Types.ObjectId; status: string; participation: string; createdAt: Date };
  const toRecord = (d: Doc): ParticipationRecord => ({
    id: d._id,
    fairId: d.fairId.toHexString(),
    companyId: d.companyId.toHexString(),
    status: d.status as ParticipationStatus,
    participation: d.participation as ParticipationMode,
    createdAt: d.createdAt,
  });
  const toDoc = (p: ParticipationInput) => ({
    _id: idOf(p.fairId, p.companyId),
    fairId: new Types.ObjectId(p.fairId),
    companyId: new Types.ObjectId(p.companyId),
    status: p.status,
    participation: p.participation,
  });
  const list = async (filter: object) => ((await Participation.find(filter).sort({ createdAt: 1, _id: 1 }).lean()) as Doc[]).map(toRecord);
  return {
    async register(input) {
      try {
        await Participation.create(toDoc(input));
        await changed();
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    async ensureMany(inputs) {
      if (!inputs.length) return;
      // Which exist, in one read; the rest in unordered inserts (an upsert per row costs a round trip
      // each on FerretDB). A row another process inserted meanwhile is refused by the unique _id: kept.
      const docs = inputs.map(toDoc);
      const known = new Set(
        ((await Participation.find({ _id: { $in: docs.map((d) => d._id) } }, { _id: 1 }).lean()) as { _id: string }[]).map((d) => d._id),
      );
      const fresh = [...new Map(docs.filter((d) => !known.has(d._id)).map((d) => [d._id, d])).values()];
      for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
        await Participation.insertMany(fresh.slice(i, i + INSERT_BATCH), { ordered: false }).catch(duplicateKeyIndexes);
      }
      await changed();
    },
    async find(fairId, companyId) {
      const doc = (await Participation.findById(idOf(fairId, companyId)).lean()) as Doc | null;
      return doc ? toRecord(doc) : null;
    },
    listForFair: (fairId) => list({ fairId: new Types.ObjectId(fairId) }),
    listAll: () => list({}),
    listForFairs: (fairIds) => list({ fairId: { $in: fairIds.map((id) => new Types.ObjectId(id)) } }),
    listForCompany: (companyId) => list({ companyId: new Types.ObjectId(companyId) }),
    listForCompanies: (companyIds) => list({ companyId: { $in: companyIds.map((id) => new Types.ObjectId(id)) } }),
    async approve(fairId, companyId) {
      const res = await Participation.updateOne({ _id: idOf(fairId, companyId), status: "pending" }, { $set: { status: "approved" } });
      await changed();
      return res.matchedCount === 1;
    },
    async removeForCompany(companyId) {
      await Participation.deleteMany({ companyId: new Types.ObjectId(companyId) });
      await changed();
    },
  };
}
