import type { Models } from "../db/models";
import { bulkWriteInBatches } from "../db/bulk";
import type { CompanyDoc } from "../db/models/company";
import { toPlain, type Record_ } from "./plain";
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

export interface CompanyRepository {
  findByRegistrationKey(key: string): Promise<CompanyRecord | null>;
  /** Inserts or replaces companies by their registration key; returns key -> id. */
  upsertMany(companies: CompanyInput[]): Promise<Map<string, string>>;
  countsForFair(fairId: string): Promise<CompanyCounts>;
  /** Inserts a self-registered company awaiting approval; the unique registration key guards it. */
  createPending(company: CompanyInput): Promise<string>;
  deleteById(id: string): Promise<void>;
}

export function createCompanyRepository({ Company }: Models): CompanyRepository {
  return {
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
              replacement: { ...c, fairId: new Types.ObjectId(c.fairId) } as never,
              upsert: true,
            },
          })),
        );
      }
      const rows = await Company.find({ registrationKey: { $in: companies.map((c) => c.registrationKey) } }, { registrationKey: 1 }).lean();
      return new Map(rows.map((r) => [r.registrationKey, r._id.toHexString()]));
    },
    async createPending(company) {
      const doc = await Company.create({ ...company, fairId: new Types.ObjectId(company.fairId), status: "pending" });
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
