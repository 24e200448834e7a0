import type { QueryClient } from "@tanstack/react-query";
import { forgetQueries } from "./persistence";
import { QUEUE_DATABASES, scanQueue, type QueueName } from "./scanQueue";

/**
 * Everything private the device holds for the signed-in user, and how sign-out removes it: the query
 * cache (memory and IndexedDB), Cache Storage other than the app shell's precache, and the scan queues.
 */

const QUEUES = Object.keys(QUEUE_DATABASES) as QueueName[];
/** Workbox's precache: the app shell (HTML, JS, CSS, icons), the same for everyone. */
const isAppShell = (cacheName: string) => cacheName.startsWith("workbox-precache");

/** The IndexedDB databases that exist (so counting a queue does not create one); null when the browser cannot list them. */
async function existingDatabases(): Promise<Set<string> | null> {
  if (typeof indexedDB === "undefined") return new Set();
  if (typeof indexedDB.databases !== "function") return null;
  return new Set((await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : [])));
}

async function existingQueues(): Promise<QueueName[]> {
  const names = await existingDatabases();
  return QUEUES.filter((q) => !names || names.has(QUEUE_DATABASES[q]));
}

/** Scans made on this device that the server has not answered yet: signing out would lose them. */
export async function pendingScans(): Promise<number> {
  let n = 0;
  for (const q of await existingQueues()) n += (await scanQueue(q).all()).filter((item) => item.state === "pending").length;
  return n;
}

/**
 * Removes it all. The queues are emptied rather than their databases deleted: a database this tab (or
 * another) holds open would block its deletion, and every later open behind it, until the tab closes.
 */
export async function clearPrivateData(client: QueryClient) {
  await Promise.all([
    forgetQueries(client),
    existingQueues().then((queues) => Promise.all(queues.map((q) => scanQueue(q).clear()))),
    typeof caches === "undefined"
      ? undefined
      : caches.keys().then((names) => Promise.all(names.filter((name) => !isAppShell(name)).map((name) => caches.delete(name)))),
  ]);
}

/**
 * A sign-out the server has not heard yet (made offline): until it has, the person counts as signed
 * out on this device, and the session asks the server to end it as soon as it can be reached.
 */
const PENDING_SIGN_OUT = "ketnoi.signOutPending";
export const signOutPending = () => localStorage.getItem(PENDING_SIGN_OUT) === "1";
export const setSignOutPending = (pending: boolean) =>
  pending ? localStorage.setItem(PENDING_SIGN_OUT, "1") : localStorage.removeItem(PENDING_SIGN_OUT);
