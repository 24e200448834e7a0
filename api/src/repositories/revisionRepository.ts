import type { Models } from "../db/models";

/** What caches in every api process follow: firms' data, matching feedback, and sessions with their users (see sessionCache). */
export type RevisionName = "companies" | "matching" | "sessions";

export interface RevisionRepository {
  get(name: RevisionName): Promise<number>;
  bump(name: RevisionName): Promise<void>;
}

export function createRevisionRepository({ Revision }: Models): RevisionRepository {
  return {
    async get(name) {
      const doc = await Revision.findById(name).lean<{ value: number }>();
      return doc?.value ?? 0;
    },
    async bump(name) {
      await Revision.updateOne({ _id: name }, { $inc: { value: 1 } }, { upsert: true });
    },
  };
}
