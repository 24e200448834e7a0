import type { TaxonomyTerm } from "@ketnoi/contracts";
import type { Models } from "../db/models";
import { bulkWriteInBatches } from "../db/bulk";

export interface TaxonomyRepository {
  /** Writes a taxonomy version: every term upserted by code, so re-seeding changes nothing. */
  upsertAll(version: number, terms: TaxonomyTerm[]): Promise<void>;
  list(): Promise<TaxonomyTerm[]>;
}

export function createTaxonomyRepository({ TaxonomyTerm }: Models): TaxonomyRepository {
  return {
    async upsertAll(version, terms) {
      await bulkWriteInBatches(
        TaxonomyTerm,
        terms.map((t) => ({
          replaceOne: { filter: { code: t.code }, replacement: { ...t, version }, upsert: true },
        })),
      );
    },
    async list() {
      const docs = await TaxonomyTerm.find({}, { _id: 0, __v: 0, version: 0 }).sort({ code: 1 }).lean();
      return docs.map(({ code, kind, parent, labels }) => ({ code, kind, ...(parent ? { parent } : {}), labels: labels! }));
    },
  };
}
