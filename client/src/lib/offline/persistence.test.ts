/** @jest-environment jsdom */
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import {
  persistQueryClientRestore,
  persistQueryClientSave,
  persistQueryClientSubscribe,
  type PersistedClient,
} from "@tanstack/react-query-persist-client";
import { keys } from "../queries/keys";
import { CACHE_MAX_AGE_MS, forgetQueries, keepVenueQueries, persistOptions, venuePersister, type CacheBackend } from "./persistence";

/** The device's store as a map: IndexedDB itself is exercised by the browser test (tests/e2e/offline.e2e.test.ts). */
function memoryBackend(): CacheBackend & { stored: Map<string, unknown> } {
  const stored = new Map<string, unknown>();
  return {
    stored,
    get: async (key) => stored.get(key),
    set: async (key, value) => void stored.set(key, value),
    del: async (key) => void stored.delete(key),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A copy of the cache as the persister is handed one (one query, the fields that matter here). */
const copy = (data: string) =>
  ({
    buster: "",
    timestamp: Date.now(),
    clientState: {
      mutations: [],
      queries: [{ queryKey: ["meetings", "list"], queryHash: '["meetings","list"]', state: { data, status: "success" } }],
    },
  }) as unknown as PersistedClient;

beforeEach(() => localStorage.clear());

describe("what the device keeps for the venue", () => {
  test("the session, the fair, my meetings, each meeting and its QR address, my badge, my firm's leads: nothing else, and only what was read", async () => {
    const client = new QueryClient();
    const read: [readonly unknown[], unknown][] = [
      [keys.session, { id: "u1" }],
      [keys.fair.current, { slug: "fair" }],
      [keys.meetings.list, [{ id: "m1" }]],
      [keys.meetings.one("m1"), { id: "m1" }],
      [keys.meetings.checkInLink("m1"), { url: "https://ketnoi.example/check-in/m1?code=secret" }],
      [keys.me.badge, { code: "AAAAAAAAAAAAAAAAAAAAAA", url: "https://ketnoi.example/badge/AAAAAAAAAAAAAAAAAAAAAA" }],
      [keys.leads, [{ id: "l1" }]],
      // Not needed at a table, large, or personal beyond the venue:
      [keys.fair.targets, { domesticFirms: 1 }],
      [keys.fair.setup("fair"), {}],
      [keys.companies.search("?q=press"), { data: [] }],
      [keys.companies.one("c1"), { id: "c1" }],
      [keys.recommendations, []],
      [keys.me.data, { email: "lan@example.com" }],
      [keys.me.notifications, []],
      [keys.meetings.slots("c2"), []],
      [keys.scheduler.plans, []],
    ];
    for (const [key, data] of read) client.setQueryData(key, data);
    // A meeting still loading has nothing to keep.
    void client.prefetchQuery({ queryKey: keys.meetings.one("m2"), queryFn: () => new Promise(() => undefined) });

    const backend = memoryBackend();
    const options = persistOptions(backend);
    await persistQueryClientSave({ queryClient: client, ...options });
    const restored = new QueryClient();
    await persistQueryClientRestore({ queryClient: restored, ...options });
    const kept = restored
      .getQueryCache()
      .getAll()
      .map((q) => q.queryKey);
    expect(kept).toEqual([
      keys.session,
      keys.fair.current,
      keys.meetings.list,
      keys.meetings.one("m1"),
      keys.meetings.checkInLink("m1"),
      keys.me.badge,
      keys.leads,
    ]);
    expect(restored.getQueryData(keys.meetings.checkInLink("m1"))).toEqual({ url: "https://ketnoi.example/check-in/m1?code=secret" });
  });

  test("kept queries stay in memory as long as on the device (not the five minutes of a query nobody shows)", () => {
    const client = new QueryClient();
    keepVenueQueries(client);
    expect(client.getQueryDefaults(keys.meetings.one("m9")).gcTime).toBe(CACHE_MAX_AGE_MS);
    expect(client.getQueryDefaults(keys.session).gcTime).toBe(CACHE_MAX_AGE_MS);
    expect(client.getQueryDefaults(keys.companies.search("")).gcTime).toBeUndefined();
  });
});

describe("forgetting (sign-out, another user)", () => {
  test("a copy taken before the sign-out and saved after it (saves are throttled) is never written", async () => {
    const backend = memoryBackend();
    const persister = venuePersister(backend);
    await persister.persistClient(copy("first"));
    await sleep(10);
    expect(backend.stored.size).toBe(1);
    // Taken while signed in; its save waits for the throttle's second.
    void persister.persistClient(copy("private"));
    await forgetQueries(new QueryClient(), backend);
    expect(backend.stored.size).toBe(0);
    await sleep(1200);
    expect(backend.stored.size).toBe(0);
    // A copy taken after it is kept.
    await persister.persistClient(copy("after"));
    await sleep(1200);
    expect(await persister.restoreClient()).toMatchObject({ clientState: { queries: [{ state: { data: "after" } }] } });
  });

  test("copies taken while the cache is being emptied (each removal is a cache event) never reach the device", async () => {
    const backend = memoryBackend();
    const client = new QueryClient();
    const options = { queryClient: client, ...persistOptions(backend) };
    client.setQueryData(keys.session, { id: "u1", email: "lan@example.com" });
    client.setQueryData(keys.meetings.list, [{ id: "m1" }]);
    client.setQueryData(keys.meetings.checkInLink("m1"), { url: "https://ketnoi.example/check-in/m1?code=secret" });
    const stop = persistQueryClientSubscribe(options);
    await persistQueryClientSave(options);
    await sleep(1200);
    expect(String(backend.stored.get("queries"))).toContain("code=secret");
    await forgetQueries(client, backend);
    for (const wait of [20, 1200]) {
      await sleep(wait);
      expect(String(backend.stored.get("queries") ?? "")).not.toMatch(/code=secret|lan@example\.com|"m1"/);
    }
    stop();
  });

  test("a copy from before is not read back, even if the device failed to delete it", async () => {
    const backend = memoryBackend();
    const persister = venuePersister(backend);
    await persister.persistClient(copy("private"));
    await sleep(10);
    const refusing = { ...backend, del: () => Promise.reject(new Error("the device refused")) };
    await forgetQueries(new QueryClient(), refusing);
    expect(backend.stored.size).toBe(1);
    expect(await persister.restoreClient()).toBeUndefined();
  });

  test("the cache in memory: what no page shows is removed; what a page shows is emptied and read again", async () => {
    const client = new QueryClient();
    client.setQueryData(keys.meetings.one("m1"), { id: "m1" });
    let reads = 0;
    const shown = new QueryObserver(client, { queryKey: keys.meetings.list, queryFn: async () => [`read ${++reads}`] });
    const unsubscribe = shown.subscribe(() => undefined);
    while (reads < 1) await sleep(5);
    const forgetting = forgetQueries(client, memoryBackend());
    expect(client.getQueryCache().find({ queryKey: keys.meetings.one("m1") })).toBeUndefined();
    expect(client.getQueryData(keys.meetings.list)).toBeUndefined();
    await forgetting;
    while (reads < 2) await sleep(5);
    await sleep(5);
    expect(client.getQueryData(keys.meetings.list)).toEqual(["read 2"]);
    unsubscribe();
  });
});
