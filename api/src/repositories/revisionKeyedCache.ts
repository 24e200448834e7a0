import type { RevisionName, RevisionRepository } from "./revisionRepository";

/** Entries one cache keeps at most (the oldest go first): a fair's firms, members and events fit many times over. */
const MAX_ENTRIES = 20_000;

/** Frozen through: a cached record is shared by every request that reads it, none may change it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Records read from the database, kept in this api process while their revision stands. Every write
 * to them, in any process, bumps the revision before it answers (the collection's write hooks, see
 * db/revisions), and a request reads the revisions once after it arrives: a change answered anywhere
 * is seen by every process's next request. An entry is tagged with the revision read before it was
 * loaded, so it holds at least every change up to that revision. A request whose revisions are older
 * than the cache's (it began before another request saw a bump) reads past the cache.
 */
export function createRevisionKeyedCache<K, V>(revisions: Pick<RevisionRepository, "get">, name: RevisionName) {
  let revision = -1;
  const entries = createEntries<K, V>();
  return {
    async get(key: K, load: () => Promise<V>): Promise<V> {
      const current = await revisions.get(name);
      if (current < revision) return load();
      if (current > revision) {
        entries.clear();
        revision = current;
      }
      return entries.get(key, current, load);
    },
  };
}

/**
 * The same, each key with a revision of its own (a firm's meetings: a booking changes two firms'
 * agendas, not every firm's): `revisionOf` reads the key's, one cheap read by _id.
 */
export function createPerKeyRevisionCache<K, V>(revisionOf: (key: K) => Promise<number>) {
  const entries = createEntries<K, V>();
  return {
    async get(key: K, load: () => Promise<V>): Promise<V> {
      return entries.get(key, await revisionOf(key), load);
    },
  };
}

/** Entries tagged with the revision read before their load: an older one is replaced, a newer one is not trusted by an older reader. */
function createEntries<K, V>() {
  const entries = new Map<K, { value: Promise<V>; revision: number }>();
  return {
    clear: () => entries.clear(),
    get(key: K, revision: number, load: () => Promise<V>): Promise<V> {
      const kept = entries.get(key);
      if (kept && kept.revision === revision) return kept.value;
      if (kept && kept.revision > revision) return load();
      const value = load().then(deepFreeze);
      entries.delete(key);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, revision });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
  };
}
