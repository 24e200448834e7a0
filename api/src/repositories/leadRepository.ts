import { Types } from "mongoose";
import type { Models } from "../db/models";

/** A firm's lead, or the tombstone a visitor's withdrawal left (`withdrawnAt` set, nothing else of the scan kept). */
export interface LeadRecord {
  id: string;
  companyId: string;
  visitorId: string;
  badge?: string;
  scannedBy?: string;
  scannedAt?: Date;
  note: string;
  rating: number | null;
  tags: string[];
  withdrawnAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** What the firm's staff write about a lead; a field left out is left as it is. */
export interface LeadChanges {
  note?: string;
  rating?: number | null;
  tags?: string[];
}

/** One scan of a visitor's badge by a firm's staff member. */
export interface LeadScanWrite {
  companyId: string;
  visitorId: string;
  badge: string;
  scannedBy: string;
  scannedAt: Date;
}

export interface LeadRepository {
  /** The firm's lead on this visitor, withdrawn or not. */
  findPair(companyId: string, visitorId: string): Promise<LeadRecord | null>;
  /** Records a first scan; null when another request recorded this pair first (the unique index). */
  create(scan: LeadScanWrite, changes: LeadChanges, at: Date): Promise<LeadRecord | null>;
  /**
   * Applies a later scan (or an edit, which names the scan it edits) to a lead that is not withdrawn:
   * the latest scan time and its scanner are kept. Null when the lead was withdrawn meanwhile.
   */
  rescan(id: string, scan: LeadScanWrite, changes: LeadChanges, at: Date): Promise<LeadRecord | null>;
  /** A scan made after the visitor withdrew: a new consent, a fresh lead. Null when the tombstone changed meanwhile. */
  revive(tombstone: LeadRecord, scan: LeadScanWrite, changes: LeadChanges, at: Date): Promise<LeadRecord | null>;
  /** A firm's lead, not withdrawn (null for another firm's or a withdrawn one). */
  findActive(companyId: string, id: string): Promise<LeadRecord | null>;
  edit(companyId: string, id: string, changes: LeadChanges, at: Date): Promise<LeadRecord | null>;
  /** The firm's leads, latest scan first. */
  listActive(companyId: string): Promise<LeadRecord[]>;
  /** The firms' leads on this visitor (who scanned me), latest first. */
  listActiveForVisitor(visitorId: string): Promise<LeadRecord[]>;
  /** The visitor withdraws: the lead becomes a tombstone. False when there is no such lead of theirs to withdraw. */
  withdraw(visitorId: string, id: string, at: Date): Promise<boolean>;
  /** Everything about a visitor whose account is deleted, tombstones included. */
  deleteForVisitor(visitorId: string): Promise<void>;
}

type Lean = {
  _id: Types.ObjectId;
  companyId: Types.ObjectId;
  visitorId: Types.ObjectId;
  badge?: string | null;
  scannedBy?: Types.ObjectId | null;
  scannedAt?: Date | null;
  note?: string | null;
  rating?: number | null;
  tags?: string[] | null;
  withdrawnAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

function toRecord(d: Lean): LeadRecord {
  return {
    id: d._id.toHexString(),
    companyId: d.companyId.toHexString(),
    visitorId: d.visitorId.toHexString(),
    ...(d.badge ? { badge: d.badge } : {}),
    ...(d.scannedBy ? { scannedBy: d.scannedBy.toHexString() } : {}),
    ...(d.scannedAt ? { scannedAt: d.scannedAt } : {}),
    note: d.note ?? "",
    rating: d.rating ?? null,
    tags: d.tags ?? [],
    ...(d.withdrawnAt ? { withdrawnAt: d.withdrawnAt } : {}),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

const oid = (id: string) => new Types.ObjectId(id);
const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;
const changeSet = (changes: LeadChanges) => ({
  ...(changes.note !== undefined ? { note: changes.note } : {}),
  ...(changes.rating !== undefined ? { rating: changes.rating } : {}),
  ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
});
const NOT_WITHDRAWN = { withdrawnAt: { $exists: false } };
/** What a withdrawal erases: the scan and everything the firm wrote about the visitor. */
const ERASED = { badge: 1, scannedBy: 1, scannedAt: 1, note: 1, rating: 1, tags: 1 } as const;

export function createLeadRepository({ Lead }: Models): LeadRepository {
  const after = { returnDocument: "after" as const };
  const one = (doc: Lean | null) => (doc ? toRecord(doc) : null);
  return {
    async findPair(companyId, visitorId) {
      return one(await Lead.findOne({ companyId: oid(companyId), visitorId: oid(visitorId) }).lean<Lean>());
    },
    async create(scan, changes, at) {
      try {
        const doc = await Lead.create({
          ...scan,
          companyId: oid(scan.companyId),
          visitorId: oid(scan.visitorId),
          scannedBy: oid(scan.scannedBy),
          note: "",
          tags: [],
          ...changeSet(changes),
          createdAt: at,
          updatedAt: at,
        });
        return toRecord(doc.toObject() as unknown as Lean);
      } catch (err) {
        if (isDuplicateKey(err)) return null;
        throw err;
      }
    },
    async rescan(id, scan, changes, at) {
      const current = await Lead.findOne({ _id: oid(id), ...NOT_WITHDRAWN }).lean<Lean>();
      if (!current) return null;
      // The latest scan names who scanned; an edit (its scan time no later) leaves them as they are.
      const later = !current.scannedAt || scan.scannedAt > current.scannedAt;
      const set = { ...changeSet(changes), badge: scan.badge, updatedAt: at, ...(later ? { scannedBy: oid(scan.scannedBy) } : {}) };
      // $max: of two devices' scans synced at once, the later scan time stays whichever writes last.
      const update = { $set: set, $max: { scannedAt: scan.scannedAt } };
      return one(await Lead.findOneAndUpdate({ _id: oid(id), ...NOT_WITHDRAWN }, update, after).lean<Lean>());
    },
    async revive(tombstone, scan, changes, at) {
      const set = {
        badge: scan.badge,
        scannedAt: scan.scannedAt,
        scannedBy: oid(scan.scannedBy),
        note: "",
        rating: null,
        tags: [],
        ...changeSet(changes),
        createdAt: at,
        updatedAt: at,
      };
      return one(
        await Lead.findOneAndUpdate(
          { _id: oid(tombstone.id), withdrawnAt: tombstone.withdrawnAt },
          { $set: set, $unset: { withdrawnAt: 1 } },
          after,
        ).lean<Lean>(),
      );
    },
    async findActive(companyId, id) {
      if (!Types.ObjectId.isValid(id)) return null;
      return one(await Lead.findOne({ _id: oid(id), companyId: oid(companyId), ...NOT_WITHDRAWN }).lean<Lean>());
    },
    async edit(companyId, id, changes, at) {
      if (!Types.ObjectId.isValid(id)) return null;
      const filter = { _id: oid(id), companyId: oid(companyId), ...NOT_WITHDRAWN };
      return one(await Lead.findOneAndUpdate(filter, { $set: { ...changeSet(changes), updatedAt: at } }, after).lean<Lean>());
    },
    async listActive(companyId) {
      return (
        await Lead.find({ companyId: oid(companyId), ...NOT_WITHDRAWN })
          .sort({ scannedAt: -1, _id: -1 })
          .lean<Lean[]>()
      ).map(toRecord);
    },
    async listActiveForVisitor(visitorId) {
      return (
        await Lead.find({ visitorId: oid(visitorId), ...NOT_WITHDRAWN })
          .sort({ scannedAt: -1, _id: -1 })
          .lean<Lean[]>()
      ).map(toRecord);
    },
    async withdraw(visitorId, id, at) {
      if (!Types.ObjectId.isValid(id)) return false;
      const filter = { _id: oid(id), visitorId: oid(visitorId), ...NOT_WITHDRAWN };
      const result = await Lead.updateOne(filter, { $set: { withdrawnAt: at, updatedAt: at }, $unset: ERASED });
      return result.matchedCount === 1;
    },
    async deleteForVisitor(visitorId) {
      await Lead.deleteMany({ visitorId: oid(visitorId) });
    },
  };
}
