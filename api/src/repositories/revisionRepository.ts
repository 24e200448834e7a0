import type { Models } from "../db/models";
import { bumpRevision, databaseId, readRevision, type RevisionName, withRequestRevisions } from "../db/revisions";

export type { RevisionName };

export interface RevisionRepository {
  get(name: RevisionName): Promise<number>;
  bump(name: RevisionName): Promise<void>;
  /** Runs one request with one read of every revision (see withRequestRevisions). */
  perRequest<T>(run: () => T): T;
  /** The database's own id (see databaseId). */
  databaseId(): Promise<number>;
}

export function createRevisionRepository({ Revision }: Models): RevisionRepository {
  return {
    get: (name) => readRevision(Revision as never, name),
    bump: (name) => bumpRevision(Revision as never, name),
    perRequest: withRequestRevisions,
    databaseId: () => databaseId(Revision as never),
  };
}
