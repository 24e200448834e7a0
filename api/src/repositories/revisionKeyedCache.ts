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
export function createRevisionKeyedCache<K, V>(revisions: Pick<RevisionRepository, "get">, name: RevisionName, bulk?: BulkLoad<K, V>) {
  let revision = -1;
  const entries = createEntries<K, V>();
  // Keys read afresh at this revision, and the whole set once there were too many of them.
  let misses = 0;
  let all: Promise<Map<K, V>> | undefined;
  const loadAll = (at: number) => {
    if (all) return all;
    const loading = bulk!.load(MAX_ENTRIES).then((loaded) => {
      // Kept only while the revision it was read at stands.
      if (revision === at) for (const [key, value] of loaded) entries.put(key, at, deepFreeze(value));
      return loaded;
    });
    loading.catch(() => {
      if (all === loading) all = undefined; // a failed read is tried again by the next miss
    });
    all = loading;
    return loading;
  };
  return {
    async get(key: K, load: () => Promise<V>): Promise<V> {
      const current = await revisions.get(name);
      if (current < revision) return load();
      if (current > revision) {
        entries.clear();
        revision = current;
        misses = 0;
        all = undefined;
      }
      if (!bulk || entries.has(key, current)) return entries.get(key, current, load);
      if (all || ++misses > bulk.afterMisses) {
        const loaded = await loadAll(current);
        if (loaded.has(key)) return entries.get(key, current, async () => loaded.get(key)!);
      }
      return entries.get(key, current, load);
    },
  };
}

/**
 * Reading every key in one query once more than `afterMisses` were read one by one at the same
 * revision: after a change (or a start), a rush reads many of them at once.
 */
export type BulkLoad<K, V> = { load: (atMost: number) => Promise<Map<K, V>>; afterMisses: number };

/**
 * The same, each key with revisions of its own (a firm's meetings: a booking changes two firms'
 * agendas, not every firm's; a published plan thousands at once, through one shared revision):
 * `revisionsOf` reads the key's, cheap reads by _id. An entry is kept while all of them stand.
 */
export function createPerKeyRevisionCache<K, V>(revisionsOf: (key: K) => Promise<[number, number]>, now: () => number = Date.now) {
  const entries = new Map<K, { value: Promise<V>; revisions: [number, number]; readAt: number }>();
  const get = async (key: K, load: () => Promise<V>): Promise<V> => {
    const revisions = await revisionsOf(key);
    const kept = entries.get(key);
    if (kept && kept.revisions[0] === revisions[0] && kept.revisions[1] === revisions[1]) return kept.value;
    const value = load().then(deepFreeze);
    remember(entries, key, { value, revisions, readAt: now() });
    return value;
  };
  return {
    get,
    /**
     * The value as read at most `maxAgeMs` ago, changed since or not; else as `get` has it. For what
     * may be a moment old (suggestions that are checked again when taken), when reading it again
     * costs more than it is worth: in a booking rush every refusal of a popular firm would reload
     * its agenda, which every booking of that firm changes.
     */
    async recent(key: K, maxAgeMs: number, load: () => Promise<V>): Promise<V> {
      const kept = entries.get(key);
      if (kept && now() - kept.readAt <= maxAgeMs) return kept.value;
      return get(key, load);
    },
    /** Applies this process's own change to what `recent` gives (`get` reads again all the same: the revision moved). */
    amend(key: K, change: (value: V) => V) {
      const kept = entries.get(key);
      if (!kept) return;
      kept.value = kept.value.then((v) => deepFreeze(change(v)));
      kept.value.catch(() => undefined); // a failed read is forgotten by remember(); nothing waits on this one yet
    },
    /** Forgets the key: a change this process cannot apply to the kept value. */
    forget: (key: K) => void entries.delete(key),
  };
}

/** Keeps an entry (the oldest goes when full) and forgets it if its load fails. */
function remember<K, E extends { value: Promise<unknown> }>(entries: Map<K, E>, key: K, entry: E) {
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, entry);
  entry.value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
}

/** Entries tagged with the revision read before their load: an older one is replaced, a newer one is not trusted by an older reader. */
function createEntries<K, V>() {
  const entries = new Map<K, { value: Promise<V>; revision: number }>();
  return {
    clear: () => entries.clear(),
    has: (key: K, revision: number) => entries.get(key)?.revision === revision,
    /** A value read with others at this revision. */
    put(key: K, revision: number, value: V) {
      remember(entries, key, { value: Promise.resolve(value), revision });
    },
    get(key: K, revision: number, load: () => Promise<V>): Promise<V> {
      const kept = entries.get(key);
      if (kept && kept.revision === revision) return kept.value;
      if (kept && kept.revision > revision) return load();
      const value = load().then(deepFreeze);
      remember(entries, key, { value, revision });
      return value;
    },
  };
}
