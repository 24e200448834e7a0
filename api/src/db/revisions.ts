import { AsyncLocalStorage } from "node:async_hooks";
import { randomInt } from "node:crypto";
import type { Connection, Model, Query, Schema } from "mongoose";
import { revisionStoreOf, type RevisionStore } from "./revisionStore";

/**
 * What caches in every api process follow, each a revision value set anew by every change (in the
 * "revisions" collection, or in Redis: see revisionStore):
 * - "agendas": meetings written in bulk (a plan published, thousands of firms' agendas at once; a
 *   single meeting's write sets its two firms' own agenda revisions instead);
 * - "companies": what the directory and the matchers show of firms (profiles, registrations);
 * - "companyRecords": any write to a firm's record, its free times included (the company cache);
 * - "fairs": the events' set-up and their interpreters (the fair cache);
 * - "matching": match feedback;
 * - "programme": the events' sessions and the firms registered for them;
 * - "sessions": sign-outs and account changes, members joining or leaving a firm (the session and member caches).
 */
export const REVISION_NAMES = ["agendas", "companies", "companyRecords", "fairs", "matching", "programme", "sessions"] as const;
export type RevisionName = (typeof REVISION_NAMES)[number];

type RevisionModel = Model<{ _id: string; value: number }>;
/** The revisions one request has read: all of them, in one command at its first look; its own bumps written in. */
type Snapshot = { values?: Promise<Map<string, number>> };
const requestRevisions = new AsyncLocalStorage<Snapshot>();

/**
 * Runs a request with its own view of the revisions: every cache it consults is checked against one
 * read of them all, made after the request arrived (so a change any process answered before is seen),
 * instead of one read per cache.
 */
export const withRequestRevisions = <T>(run: () => T): T => requestRevisions.run({}, run);

export async function readRevision(store: RevisionStore, name: RevisionName): Promise<number> {
  const request = requestRevisions.getStore();
  if (!request) return store.read(name);
  request.values ??= store.readAll();
  return (await request.values).get(name) ?? 0;
}

/**
 * A new revision value: the clock in milliseconds times 4,096 plus random low bits (below 2^53), and
 * above this process's last one. A bump sets it rather than incrementing: FerretDB applies `$inc` as
 * read-modify-write, so two bumps at once could both write the same number, and a bump that read long
 * ago could bring back a value a cache already holds (a stale hit). Values set are unique but for a
 * 1-in-4,096 chance when two processes bump in the same millisecond; one lower than the last (clocks
 * a little apart) only makes the caches read afresh until the next bump.
 */
let lastValue = 0;
export const newRevisionValue = () => {
  lastValue = Math.max(lastValue + 1, Date.now() * 4096 + randomInt(4096));
  return lastValue;
};

export async function bumpRevision(store: RevisionStore, name: RevisionName): Promise<void> {
  const value = newRevisionValue();
  await store.set(name, value);
  // The request's later reads see its own change (a cache consulted after it rebuilds).
  const values = await requestRevisions.getStore()?.values?.catch(() => undefined);
  values?.set(name, value);
}

/**
 * This database's own id, made once at random: what a process keeps on disk between starts (the
 * directory's snapshot) is tied to it, so a database dropped and seeded again is never mistaken for
 * the one a snapshot came from, though its revisions count from zero again.
 */
export async function databaseId(Revision: RevisionModel): Promise<number> {
  const doc = await Revision.findOneAndUpdate(
    { _id: "database" },
    { $setOnInsert: { value: randomInt(2 ** 47) } },
    { upsert: true, returnDocument: "after" },
  ).lean();
  return doc!.value;
}

const QUERY_WRITES: (
  | "updateOne"
  | "updateMany"
  | "replaceOne"
  | "deleteOne"
  | "deleteMany"
  | "findOneAndUpdate"
  | "findOneAndReplace"
  | "findOneAndDelete"
)[] = ["updateOne", "updateMany", "replaceOne", "deleteOne", "deleteMany", "findOneAndUpdate", "findOneAndReplace", "findOneAndDelete"];

/**
 * Every write to this schema's collection, whoever makes it (a repository, a script, a test), bumps
 * the revision before the write's promise settles: a cache of these records can never miss a change.
 */
export function bumpsRevisionOnWrite(schema: Schema, name: RevisionName): void {
  schema.post(QUERY_WRITES, async function (this: Query<unknown, unknown>) {
    await bumpRevision(revisionStoreOf(this.model.db), name);
  });
  schema.post("save", async function (this: { constructor: { db: Connection } }) {
    await bumpRevision(revisionStoreOf(this.constructor.db), name);
  });
  schema.post("insertMany", async function (this: Model<unknown>) {
    await bumpRevision(revisionStoreOf(this.db), name);
  });
  schema.post("bulkWrite", async function (this: Model<unknown>) {
    await bumpRevision(revisionStoreOf(this.db), name);
  });
}
