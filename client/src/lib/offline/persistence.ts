import type { Query, QueryClient, QueryKey } from "@tanstack/react-query";
import type { PersistedClient, Persister } from "@tanstack/react-query-persist-client";
import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import { createStore, del, get, set, type UseStore } from "idb-keyval";
import { keys } from "../queries/keys";

/**
 * What the device keeps of the api's data for the venue, where the hall's Wi-Fi fails: the queries a
 * person needs there, persisted to IndexedDB (TanStack Query's persister) and read back at start.
 */

/** As long as the session cookie lives (SESSION_TTL_MS in the api, 7 days): the data never outlives the session that read it. */
export const CACHE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** Changed when what is kept changes shape: a device's older copy is then dropped, not read. */
export const CACHE_BUSTER = "venue-1";
/** The IndexedDB database (and its one store) the persisted queries live in. */
export const CACHE_DATABASE = "ketnoi-cache";
const CACHE_KEY = "queries";
/** A new value each time the device forgets (sign-out, another user): a copy stamped with an older one is never written or read. */
export const CACHE_GENERATION = "ketnoi.cacheGeneration";

/**
 * What a person needs at the venue, by key prefix: who is signed in (so pages that need a role open),
 * the fair (its programme, days, venue and tables), my meetings (the agenda, an interpreter's
 * assignments, every meeting for an organiser at the desk), each meeting and the address its QR code
 * holds, my badge (its QR code is shown at the booths and the entrance), and my firm's leads (the
 * booth's staff see whom they scanned when the hall's network is down). Not the directory,
 * proposals, notifications, the personal-data download or anything an organiser plans with: they
 * are large, change all day or are not needed at a table.
 */
const VENUE_QUERIES: { key: QueryKey; exact?: boolean }[] = [
  { key: keys.session },
  { key: keys.fair.current, exact: true },
  { key: keys.meetings.list, exact: true },
  { key: keys.meetings.one("").slice(0, 2) },
  { key: keys.meetings.checkInLink("").slice(0, 2) },
  { key: keys.me.badge, exact: true },
  { key: keys.leads, exact: true },
];

const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, i) => key[i] === part);

/** Whether a query is kept on the device: one of the venue's, read successfully. */
export const isVenueQuery = (query: Pick<Query, "queryKey" | "state">) =>
  query.state.status === "success" &&
  VENUE_QUERIES.some(({ key, exact }) => startsWith(query.queryKey, key) && (!exact || query.queryKey.length === key.length));

/**
 * Kept queries stay in memory as long as on disk: a query nobody shows is otherwise dropped after five
 * minutes, and with it from the device (a meeting read once, the session).
 */
export function keepVenueQueries(client: QueryClient) {
  for (const { key } of VENUE_QUERIES) client.setQueryDefaults(key, { gcTime: CACHE_MAX_AGE_MS });
}

/** Where the persisted client is stored: IndexedDB in the app, anything with the same three calls in a test. */
export interface CacheBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** IndexedDB through idb-keyval; where there is none (a test's jsdom, some private windows), nothing is kept. */
export function indexedDbBackend(): CacheBackend {
  if (typeof indexedDB === "undefined") return { get: async () => undefined, set: async () => undefined, del: async () => undefined };
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(CACHE_DATABASE, "persisted"));
  return { get: (key) => get(key, db()), set: (key, value) => set(key, value, db()), del: (key) => del(key, db()) };
}

const generation = () => localStorage.getItem(CACHE_GENERATION) ?? "";
type Stamped = PersistedClient & { generation?: string };
/** A stored copy is "<generation>\n<JSON>": its generation is read without parsing the rest. */
const generationOf = (stored: string) => stored.slice(0, stored.indexOf("\n"));

/**
 * The persister over a backend. Saving is throttled (a second), so a save can hold a copy of the cache
 * taken before a sign-out cleared it: each copy is stamped with the generation it was taken in, and
 * one from an older generation is never written (nor read back).
 */
export function venuePersister(backend: CacheBackend): Persister {
  const inner = createAsyncStoragePersister({
    key: CACHE_KEY,
    serialize: (client) => `${(client as Stamped).generation ?? ""}\n${JSON.stringify(client)}`,
    deserialize: (stored) => JSON.parse(stored.slice(stored.indexOf("\n") + 1)) as PersistedClient,
    storage: {
      getItem: async (key) => {
        const stored = await backend.get(key);
        return typeof stored === "string" && generationOf(stored) === generation() ? stored : null;
      },
      setItem: async (key, stored) => {
        if (generationOf(stored) === generation()) await backend.set(key, stored);
      },
      removeItem: (key) => backend.del(key),
    },
  });
  return {
    // Stamped when the copy is taken, not when the throttled save writes it.
    persistClient: (client) => inner.persistClient({ ...client, generation: generation() } as Stamped),
    restoreClient: inner.restoreClient,
    removeClient: inner.removeClient,
  };
}

/** The options of PersistQueryClientProvider: what is kept, for how long, where. */
export const persistOptions = (backend: CacheBackend) => ({
  persister: venuePersister(backend),
  maxAge: CACHE_MAX_AGE_MS,
  buster: CACHE_BUSTER,
  dehydrateOptions: { shouldDehydrateQuery: isVenueQuery, shouldDehydrateMutation: () => false },
});

/** The app's one backend (the database is opened on first use). */
export const appCacheBackend = indexedDbBackend();

/**
 * Forgets every query: the cache in memory (queries no page shows are removed; those on screen are
 * emptied and read again, for whoever is signed in now: removing them under their page would leave it
 * stuck), then, in the same task, a new generation, so that no copy taken before it, the ones taken
 * while the cache was being emptied included, is written (their saves run later), in this tab or
 * another; then the device's copy.
 */
export async function forgetQueries(client: QueryClient, backend: CacheBackend = appCacheBackend) {
  client.getMutationCache().clear();
  client.removeQueries({ type: "inactive" });
  void client.resetQueries();
  localStorage.setItem(CACHE_GENERATION, crypto.randomUUID());
  // Should the device refuse, the copy stays, but its older generation is never read again.
  await backend.del(CACHE_KEY).catch(() => undefined);
}
