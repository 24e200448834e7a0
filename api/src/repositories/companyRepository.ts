import type { Models } from "../db/models";
import { bulkWriteInBatches } from "../db/bulk";
import type { CompanyDoc } from "../db/models/company";
import { toPlain, type Record_ } from "./plain";
import { normalizeSearchText } from "@ketnoi/contracts";
import type { RevisionRepository } from "./revisionRepository";
import type { ParticipationRepository } from "./participationRepository";
import { createRevisionKeyedCache } from "./revisionKeyedCache";

const sortName = (legalName: string) => normalizeSearchText(legalName);
import { Types } from "mongoose";
import type { CompanyProfile } from "@ketnoi/contracts";

export type CompanyRecord = Record_<CompanyDoc>;
export type CompanyInput = CompanyProfile & { fairId: string };
/** For merging imports: the fields a list does not carry may be left out. */
export type CompanyImport = Omit<CompanyInput, "products" | "needs" | "requirements"> & Partial<CompanyInput>;

/** Up to this many companies are read one by one rather than by one scan. */
const FEW = 16;
/** Firms read afresh one by one at a revision before the cache reads them all (a lone edit read back stays one read). */
const FEW_MISSES = 8;

export interface CompanyRepository {
  /** Which of these registration keys exist already (one scan). */
  existingKeys(keys: string[]): Promise<Set<string>>;
  /** Every company (one scan): what the in-memory directory is built from. */
  listAll(): Promise<CompanyRecord[]>;
  findById(id: string): Promise<CompanyRecord | null>;
  /** These companies (one read; unknown ids are left out). */
  findByIds(ids: string[]): Promise<CompanyRecord[]>;
  /** Applies a profile change; returns the updated company (null when it does not exist). */
  update(id: string, changes: Partial<CompanyProfile>): Promise<CompanyRecord | null>;
  /** Approves a pending company; false when there is none pending with that id (missing or approved already). */
  approve(id: string): Promise<boolean>;
  /** Makes this event the one the firm acts in now (company.fairId), taking part there onsite or remotely. */
  moveToEvent(id: string, fairId: string, participation: "onsite" | "remote"): Promise<void>;
  /** Replaces the starts of the slots the company cannot meet in. */
  setBlockedSlots(id: string, starts: Date[]): Promise<void>;
  findByRegistrationKey(key: string): Promise<CompanyRecord | null>;
  /**
   * Inserts companies by registration key, and for those that exist replaces them ("replace", the
   * seed) or sets only the given fields ("merge", imports: what a firm added itself is kept).
   * Returns key -> id.
   */
  upsertMany(companies: CompanyImport[], onExisting?: "replace" | "merge"): Promise<Map<string, string>>;
  /** Inserts a self-registered company awaiting approval; the unique registration key guards it. */
  createPending(company: CompanyInput): Promise<string>;
  deleteById(id: string): Promise<void>;
}

/**
 * Every write bumps the "companies" revision, so caches in other processes know to reload. A company
 * comes in through an event (its fairId, the first it registered for): creating it registers it for
 * that event (participations), approving it approves that registration, deleting it removes its registrations.
 */
export function createCompanyRepository(
  { Company }: Models,
  revisions: RevisionRepository,
  participations: ParticipationRepository,
): CompanyRepository {
  const changed = () => revisions.bump("companies");
  // Firms as their records stand: bookings and agendas read the same few firms again and again.
  // After any firm's change (or a start) every firm is read afresh: past a few, all of them in one
  // query. FerretDB looks an _id up by scanning the collection, so a booking rush reading 250 firms
  // afresh made 250 scans, and the first second of the rush waited on them.
  /** Every company (one scan), or the first `atMost`. */
  const readAll = async (atMost?: number) => (await Company.find({}, null, atMost ? { limit: atMost } : {}).lean()).map((d) => toPlain(d));
  const records = createRevisionKeyedCache<string, CompanyRecord | null>(revisions, "companyRecords", {
    afterMisses: FEW_MISSES,
    load: async (atMost) => new Map((await readAll(atMost)).map((c) => [c.id, c])),
  });
  const findById = async (id: string) => {
    if (!Types.ObjectId.isValid(id)) return null;
    return records.get(id, async () => {
      const doc = await Company.findById(id).lean();
      return doc ? toPlain(doc) : null;
    });
  };
  return {
    async existingKeys(keys) {
      const rows = await Company.find({ registrationKey: { $in: keys } }, { registrationKey: 1 }).lean();
      return new Set(rows.map((r) => r.registrationKey));
    },
    listAll: () => readAll(),
    findById,
    async findByIds(ids) {
      const valid = ids.filter((id) => Types.ObjectId.isValid(id));
      // A few by their _id each, from this process's copies (FerretDB looks an _id up, but scans the collection for an $in).
      if (valid.length <= FEW) return (await Promise.all(valid.map(findById))).flatMap((c) => (c ? [c] : []));
      return (await Company.find({ _id: { $in: valid } }).lean()).map((d) => toPlain(d));
    },
    async update(id, changes) {
      const set = changes.legalName ? { ...changes, sortName: sortName(changes.legalName) } : changes;
      const doc = await Company.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: "after", runValidators: true }).lean();
      await changed();
      return doc ? toPlain(doc) : null;
    },
    async moveToEvent(id, fairId, participation) {
      await Company.updateOne({ _id: id }, { $set: { fairId: new Types.ObjectId(fairId), participation, blockedSlots: [] } });
      await changed();
    },
    async setBlockedSlots(id, starts) {
      await Company.updateOne({ _id: id }, { $set: { blockedSlots: starts } });
    },
    async approve(id) {
      const matched = (await Company.updateOne({ _id: id, status: "pending" }, { $set: { status: "approved" } })).matchedCount === 1;
      const company = matched ? await Company.findById(id, { fairId: 1 }).lean() : null;
      if (company) await participations.approve(company.fairId.toHexString(), id);
      await changed();
      return matched;
    },
    async findByRegistrationKey(key) {
      const doc = await Company.findOne({ registrationKey: key }).lean();
      return doc ? toPlain(doc) : null;
    },
    async upsertMany(companies, onExisting = "replace") {
      // FerretDB's SQLite backend answers a filter on any field but _id by scanning the collection,
      // so the natural keys are resolved to _ids in one query and every write then goes by _id.
      const existing = await Company.find({ registrationKey: { $in: companies.map((c) => c.registrationKey) } }, { registrationKey: 1 }).lean();
      const ids = new Map(existing.map((r) => [r.registrationKey, r._id]));
      const toDoc = (c: CompanyImport) => ({ ...c, sortName: sortName(c.legalName), fairId: new Types.ObjectId(c.fairId) });
      const fresh = companies.filter((c) => !ids.has(c.registrationKey)).map((c) => ({ _id: new Types.ObjectId(), ...toDoc(c) }));
      for (let i = 0; i < fresh.length; i += 500) await Company.insertMany(fresh.slice(i, i + 500), { ordered: true });
      await bulkWriteInBatches(
        Company,
        companies
          .filter((c) => ids.has(c.registrationKey))
          .map((c) =>
            onExisting === "replace"
              ? { replaceOne: { filter: { _id: ids.get(c.registrationKey)! }, replacement: toDoc(c) as never } }
              : { updateOne: { filter: { _id: ids.get(c.registrationKey)! }, update: { $set: toDoc(c) } } },
          ),
      );
      for (const f of fresh) ids.set(f.registrationKey, f._id);
      await participations.ensureMany(
        companies.map((c) => ({
          fairId: c.fairId,
          companyId: ids.get(c.registrationKey)!.toHexString(),
          status: "approved",
          participation: c.participation,
        })),
      );
      await changed();
      return new Map([...ids].map(([key, id]) => [key, id.toHexString()]));
    },
    async createPending(company) {
      const doc = await Company.create({
        ...company,
        sortName: sortName(company.legalName),
        fairId: new Types.ObjectId(company.fairId),
        status: "pending",
      });
      const id = doc._id.toHexString();
      await participations.register({ fairId: company.fairId, companyId: id, status: "pending", participation: company.participation });
      await changed();
      return id;
    },
    async deleteById(id) {
      await Company.deleteOne({ _id: id });
      await participations.removeForCompany(id);
      await changed();
    },
  };
}
