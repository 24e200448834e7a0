import { clear, createStore, del, entries, set, type UseStore } from "idb-keyval";

/**
 * Scans made at the venue (a meeting's QR at the check-in desk, a visitor's badge at a booth) are
 * queued on the device first (IndexedDB), with the time they were made, and sent when the network
 * is there: the hall's Wi-Fi fails under a crowd and the desk must keep scanning.
 */
export type QueueName = "check-in" | "leads";

export type Queued<T> = {
  /** The scan's own id (a UUID made on the device): the server answers per scan by it. */
  key: string;
  body: T;
  /** When the scan was made (ISO instant, the device's clock). */
  scannedAt: string;
  /** pending: not yet answered by the server; refused: the server said no, with its reason. */
  state: "pending" | "refused";
  reason?: string;
};

/** IndexedDB databases the queues live in: sign-out deletes them with every other private store. */
export const QUEUE_DATABASES: Record<QueueName, string> = { "check-in": "ketnoi-queue-check-in", leads: "ketnoi-queue-leads" };

type Listener = () => void;

export type ScanQueue<T> = {
  add(body: T, scannedAt?: Date): Promise<Queued<T>>;
  all(): Promise<Queued<T>[]>;
  update(key: string, change: (item: Queued<T>) => Queued<T>): Promise<void>;
  remove(key: string): Promise<void>;
  refuse(key: string, reason: string): Promise<void>;
  clear(): Promise<void>;
  /** Called after every change (in this tab); returns the unsubscribe. */
  subscribe(listener: Listener): () => void;
};

const queues = new Map<QueueName, ScanQueue<unknown>>();

/** The one queue of that name in this tab (its listeners see every change made through it). */
export function scanQueue<T>(name: QueueName): ScanQueue<T> {
  const known = queues.get(name);
  if (known) return known as ScanQueue<T>;
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(QUEUE_DATABASES[name], "scans"));
  const listeners = new Set<Listener>();
  const changed = () => {
    for (const l of listeners) l();
  };
  const queue: ScanQueue<T> = {
    async add(body, scannedAt = new Date()) {
      const item: Queued<T> = { key: crypto.randomUUID(), body, scannedAt: scannedAt.toISOString(), state: "pending" };
      await set(item.key, item, db());
      changed();
      return item;
    },
    async all() {
      const items = (await entries<string, Queued<T>>(db())).map(([, v]) => v);
      return items.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
    },
    async update(key, change) {
      const item = (await queue.all()).find((i) => i.key === key);
      if (!item) return;
      await set(key, change(item), db());
      changed();
    },
    async remove(key) {
      await del(key, db());
      changed();
    },
    async refuse(key, reason) {
      await queue.update(key, (i) => ({ ...i, state: "refused", reason }));
    },
    async clear() {
      await clear(db());
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  queues.set(name, queue as ScanQueue<unknown>);
  return queue;
}
