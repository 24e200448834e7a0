import type { Models } from "../db/models";
import { bumpRevision, databaseId, newRevisionValue, readRevision, type RevisionName, withRequestRevisions } from "../db/revisions";
import { revisionStoreOf } from "../db/revisionStore";

export type { RevisionName };

export interface RevisionRepository {
  get(name: RevisionName): Promise<number>;
  bump(name: RevisionName): Promise<void>;
  /** A firm's own agenda revision (see meetingRepository). */
  agenda(companyId: string): Promise<number>;
  /** Sets a new agenda revision on these firms. */
  bumpAgendas(companyIds: string[]): Promise<void>;
  /** Runs one request with one read of every revision (see withRequestRevisions). */
  perRequest<T>(run: () => T): T;
  /** The database's own id (see databaseId). */
  databaseId(): Promise<number>;
}

export function createRevisionRepository({ Revision }: Models): RevisionRepository {
  const store = () => revisionStoreOf(Revision.db);
  return {
    get: (name) => readRevision(store(), name),
    bump: (name) => bumpRevision(store(), name),
    agenda: (companyId) => store().readAgenda(companyId),
    bumpAgendas: (companyIds) => store().setAgendas(companyIds, newRevisionValue()),
    perRequest: withRequestRevisions,
    databaseId: () => databaseId(Revision as never),
  };
}
