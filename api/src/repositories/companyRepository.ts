import type { Models } from "../db/models";
import { bulkWriteInBatches } from "../db/bulk";
import type { CompanyDoc } from "../db/models/company";
import { toPlain, type Record_ } from "./plain";
import { normalizeSearchText } from "@ketnoi/contracts";

const sortName = (legalName: string) => normalizeSearchText(legalName);
import { Types } from "mongoose";
import type { CompanyProfile } from "@ketnoi/contracts";

export type CompanyRecord = Record_<CompanyDoc>;
export type CompanyInput = CompanyProfile & { fairId: string };

export interface CompanyCounts {
  domestic: number;
  foreign: number;
  byCountry: Record<string, number>;
  bySector: Record<string, number>;
}

export interface DirectoryFilter {
  fairId: string;
  /** Normalised words of the query: all must appear as words of the search key, the last as a prefix. */
  words: string[];
  kind?: "domestic" | "foreign";
  sectors?: string[];
  processes?: string[];
  certifications?: string[];
  country?: string;
  language?: string;
  participation?: "onsite" | "remote";
  /** Only listed, approved companies (the public directory). */
  publicOnly: boolean;
}

export interface CompanyRepository {
  findById(id: string): Promise<CompanyRecord | null>;
  search(filter: DirectoryFilter, sort: "name" | "country", skip: number, limit: number): Promise<{ rows: CompanyRecord[]; total: number }>;
  /** Applies a profile change; returns the updated company (null when it does not exist). */
  update(id: string, changes: Partial<CompanyProfile>): Promise<CompanyRecord | null>;
  approve(id: string): Promise<boolean>;
  findByRegistrationKey(key: string): Promise<CompanyRecord | null>;
  /** Inserts or replaces companies by their registration key; returns key -> id. */
  upsertMany(companies: CompanyInput[]): Promise<Map<string, string>>;
  countsForFair(fairId: string): Promise<CompanyCounts>;
  /** Inserts a self-registered company awaiting approval; the unique registration key guards it. */
  createPending(company: CompanyInput): Promise<string>;
  deleteById(id: string): Promise<void>;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function directoryQuery(f: DirectoryFilter): Record<string, unknown> {
  const and: Record<string, unknown>[] = [{ fairId: new Types.ObjectId(f.fairId) }];
  if (f.publicOnly) and.push({ listed: true, status: "approved" });
  if (f.kind) and.push({ kind: f.kind });
  if (f.sectors) and.push({ sectors: { $in: f.sectors } });
  if (f.processes) and.push({ "processes.code": { $in: f.processes } });
  if (f.certifications) and.push({ "certifications.code": { $in: f.certifications } });
  if (f.country) and.push({ country: f.country });
  if (f.language) and.push({ languages: f.language });
  if (f.participation) and.push({ participation: f.participation });
  // Whole words, except the last, which may be the start of a word (results while typing).
  f.words.forEach((word, i) => {
    const end = i === f.words.length - 1 ? "" : "( |$)";
    and.push({ searchKey: { $regex: `(^| )${escapeRegex(word)}${end}` } });
  });
  return { $and: and };
}

export function createCompanyRepository({ Company }: Models): CompanyRepository {
  return {
    async findById(id) {
      if (!Types.ObjectId.isValid(id)) return null;
      const doc = await Company.findById(id).lean();
      return doc ? toPlain(doc) : null;
    },
    async search(filter, sort, skip, limit) {
      const query = directoryQuery(filter);
      const order: Record<string, 1> = sort === "country" ? { country: 1, sortName: 1, _id: 1 } : { sortName: 1, _id: 1 };
      const [docs, total] = await Promise.all([
        Company.find(query).sort(order).skip(skip).limit(limit).lean(),
        Company.countDocuments(query),
      ]);
      return { rows: docs.map((d) => toPlain(d)), total };
    },
    async update(id, changes) {
      const set = changes.legalName ? { ...changes, sortName: sortName(changes.legalName) } : changes;
      const doc = await Company.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: "after", runValidators: true }).lean();
      return doc ? toPlain(doc) : null;
    },
    async approve(id) {
      return (await Company.updateOne({ _id: id }, { $set: { status: "approved" } })).matchedCount === 1;
    },
    async findByRegistrationKey(key) {
      const doc = await Company.findOne({ registrationKey: key }).lean();
      return doc ? toPlain(doc) : null;
    },
    async upsertMany(companies) {
      if (companies.length) {
        await bulkWriteInBatches(
          Company,
          companies.map((c) => ({
            replaceOne: {
              filter: { registrationKey: c.registrationKey },
              replacement: { ...c, sortName: sortName(c.legalName), fairId: new Types.ObjectId(c.fairId) } as never,
              upsert: true,
            },
          })),
        );
      }
      const rows = await Company.find({ registrationKey: { $in: companies.map((c) => c.registrationKey) } }, { registrationKey: 1 }).lean();
      return new Map(rows.map((r) => [r.registrationKey, r._id.toHexString()]));
    },
    async createPending(company) {
      const doc = await Company.create({ ...company, sortName: sortName(company.legalName), fairId: new Types.ObjectId(company.fairId), status: "pending" });
      return doc._id.toHexString();
    },
    async deleteById(id) {
      await Company.deleteOne({ _id: id });
    },
    async countsForFair(fairId) {
      const fair = new Types.ObjectId(fairId);
      const [byKind, byCountry, bySector] = await Promise.all([
        Company.aggregate<{ _id: string; n: number }>([{ $match: { fairId: fair } }, { $group: { _id: "$kind", n: { $sum: 1 } } }]),
        Company.aggregate<{ _id: string; n: number }>([{ $match: { fairId: fair } }, { $group: { _id: "$country", n: { $sum: 1 } } }]),
        Company.aggregate<{ _id: string; n: number }>([
          { $match: { fairId: fair } },
          { $unwind: "$sectors" },
          { $group: { _id: "$sectors", n: { $sum: 1 } } },
        ]),
      ]);
      const toRecord = (rows: { _id: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r._id, r.n]));
      const kinds = toRecord(byKind);
      return { domestic: kinds.domestic ?? 0, foreign: kinds.foreign ?? 0, byCountry: toRecord(byCountry), bySector: toRecord(bySector) };
    },
  };
}
