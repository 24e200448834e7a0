import type { Connection, Model } from "mongoose";
import { duplicateKeyIndexes } from "./bulk";

/**
 * Where the revisions that every api process's caches follow are kept: the database by default, or
 * Redis when the deployment has one (redisRevisionStore), so that checking a cache costs no database
 * command. Two kinds: named revisions (one per kind of record, read all at once per request) and each
 * firm's agenda revision (a booking changes two firms' agendas, not every firm's).
 */
export interface RevisionStore {
  readAll(): Promise<Map<string, number>>;
  read(name: string): Promise<number>;
  set(name: string, value: number): Promise<void>;
  readAgenda(companyId: string): Promise<number>;
  setAgendas(companyIds: string[], value: number): Promise<void>;
}

type RevisionModel = Model<{ _id: string; value: number }>;

/** The revisions in the database: the "revisions" collection and one "agenda_revisions" document per firm. */
export function databaseRevisionStore(connection: Connection): RevisionStore {
  const Revision = connection.model("Revision") as unknown as RevisionModel;
  const AgendaRevision = connection.model("AgendaRevision") as unknown as RevisionModel;
  return {
    readAll: async () => new Map((await Revision.find().lean()).map((d) => [d._id, d.value])),
    read: async (name) => (await Revision.findById(name).lean())?.value ?? 0,
    async set(name, value) {
      await Revision.updateOne({ _id: name }, { $set: { value } }, { upsert: true });
    },
    readAgenda: async (companyId) => (await AgendaRevision.findById(companyId).lean())?.value ?? 0,
    /** One update for the firms that have a revision document, an insert for the rest. */
    async setAgendas(ids, value) {
      const { matchedCount } = await AgendaRevision.updateMany({ _id: { $in: ids } }, { $set: { value } });
      if (matchedCount === ids.length) return;
      const have = new Set((await AgendaRevision.find({ _id: { $in: ids } }, { _id: 1 }).lean()).map((d) => String(d._id)));
      const missing = ids.filter((id) => !have.has(id));
      if (!missing.length) return;
      const raced = await AgendaRevision.insertMany(
        missing.map((_id) => ({ _id, value })),
        { ordered: false },
      ).then(() => new Set<number>(), duplicateKeyIndexes);
      // Made by another process meanwhile (before this write, perhaps): set ours on those too.
      if (raced.size) await AgendaRevision.updateMany({ _id: { $in: [...raced].map((i) => missing[i]!) } }, { $set: { value } });
    },
  };
}

const stores = new WeakMap<Connection, RevisionStore>();

/** The store a connection's writes bump and its caches read: whoever writes (a repository, a script, a test) uses the same. */
export function revisionStoreOf(connection: Connection): RevisionStore {
  let store = stores.get(connection);
  if (!store) stores.set(connection, (store = databaseRevisionStore(connection)));
  return store;
}

/** Keeps this connection's revisions in another store (Redis), before anything reads or writes through it. */
export function useRevisionStore(connection: Connection, store: RevisionStore): void {
  stores.set(connection, store);
}
