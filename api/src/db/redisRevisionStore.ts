import { createClient } from "redis";
import { newRevisionValue, REVISION_NAMES } from "./revisions";
import type { RevisionStore } from "./revisionStore";

/** How long a revision read or write may wait for Redis before the database answers instead. */
const COMMAND_TIMEOUT_MS = 1000;

/**
 * Revisions in Redis: a request's check of every cache is one MGET, and a booking's bump of its two
 * firms' agendas one MSET, where the database costs a command each (on FerretDB's SQLite backend an
 * update waits for the single writer: 131 updates/s at 64 clients against 850 inserts/s, and two
 * concurrent updates of several documents fail with SQLITE_BUSY).
 *
 * Redis is not where anything is kept for good: a key it has lost is set anew (a value never used,
 * so no cache takes it for one it holds). While Redis is away the database's revisions serve reads
 * and writes alike; each time this process (re)connects it sets every named revision anew before
 * trusting Redis again, so a change bumped in the database meanwhile (by any process) empties every
 * cache. Keys are named by the database, so several databases (tests, deployments) share one Redis.
 */
export function redisRevisionStore(url: string, namespace: string, fallback: RevisionStore) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 3000) },
  });
  const key = (name: string) => `ketnoi:${namespace}:revision:${name}`;
  const agendaKey = (companyId: string) => `ketnoi:${namespace}:agenda:${companyId}`;
  /** True once this connection has set every revision anew; false from the moment it is lost. */
  let trusted = false;
  client.on("error", () => (trusted = false));
  client.on("end", () => (trusted = false));
  client.on("ready", () => {
    trusted = false;
    void client
      .mSet(REVISION_NAMES.map((name) => [key(name), String(newRevisionValue())] as [string, string]))
      .then(() => (trusted = client.isReady))
      .catch(() => undefined);
  });
  const connected = client.connect().catch(() => undefined); // reconnects by itself

  /** A key's value, set anew when Redis has none (first use, or lost in a restart). */
  const revisionIn = async (k: string, found: string | null) => {
    if (found !== null) return Number(found);
    const fresh = String(newRevisionValue());
    return Number((await client.set(k, fresh, { condition: "NX", GET: true })) ?? fresh);
  };
  /** Redis when it is trusted and answers, else the database. */
  const either = async <T>(viaRedis: () => Promise<T>, viaDatabase: () => Promise<T>): Promise<T> => {
    if (!trusted) return viaDatabase();
    try {
      return await viaRedis();
    } catch {
      return viaDatabase();
    }
  };

  const store: RevisionStore = {
    readAll: () =>
      either(
        async () => {
          const found = await client.mGet(REVISION_NAMES.map(key));
          const values = await Promise.all(REVISION_NAMES.map((name, i) => revisionIn(key(name), found[i] ?? null)));
          return new Map(REVISION_NAMES.map((name, i) => [name, values[i]!]));
        },
        () => fallback.readAll(),
      ),
    read: (name) =>
      either(
        async () => revisionIn(key(name), await client.get(key(name))),
        () => fallback.read(name),
      ),
    set: (name, value) =>
      either(
        async () => void (await client.set(key(name), String(value))),
        () => fallback.set(name, value),
      ),
    readAgenda: (companyId) =>
      either(
        async () => revisionIn(agendaKey(companyId), await client.get(agendaKey(companyId))),
        () => fallback.readAgenda(companyId),
      ),
    setAgendas: (companyIds, value) =>
      either(
        async () => void (await client.mSet(companyIds.map((id) => [agendaKey(id), String(value)] as [string, string]))),
        () => fallback.setAgendas(companyIds, value),
      ),
  };
  return {
    store,
    /** Resolves once Redis is connected and trusted, or after a few seconds without it (the database serves meanwhile). */
    ready: async () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([connected, new Promise((r) => (timer = setTimeout(r, 3000)))]);
      clearTimeout(timer);
      for (let i = 0; i < 100 && client.isReady && !trusted; i++) await new Promise((r) => setTimeout(r, 10));
    },
    close: async () => {
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}
