import type { LeadFields, LeadSyncResult } from "@ketnoi/contracts";
import { ApiError, errorText, send } from "../api";
import { scanQueue, type Queued } from "../offline/scanQueue";
import { queryClient } from "../queries/client";
import { keys } from "../queries/keys";

/** What the device queues for a lead: the badge read and what the staff wrote (a scan alone has no fields). */
export type LeadQueued = { badge: string } & LeadFields;
export type QueuedLead = Queued<LeadQueued>;

export const leadQueue = () => scanQueue<LeadQueued>("leads");

/**
 * Queues a scan of a badge, or an edit of its lead (with the time of the scan it edits, so it never
 * counts as a new scan). The device keeps one pending item per badge: a later scan or edit merges into
 * it (the later scan time, the latest words), so edits made offline reach the server in the order made.
 */
export async function queueLead(badge: string, fields: LeadFields, scannedAt: Date): Promise<string> {
  const queue = leadQueue();
  const pending = (await queue.all()).filter((i) => i.state === "pending" && i.body.badge === badge).at(-1);
  if (!pending) return (await queue.add({ badge, ...fields }, scannedAt)).key;
  // The later scan time of the two (ISO instants in UTC sort as text).
  const later = (i: QueuedLead) => [i.scannedAt, scannedAt.toISOString()].sort()[1]!;
  await queue.update(pending.key, (i) => ({ ...i, body: { ...i.body, ...fields }, scannedAt: later(i) }));
  return pending.key;
}

let running: Promise<LeadSyncResult["results"]> | null = null;

/**
 * Sends every pending scan in one batch (one sync at a time; a caller during one gets its answer).
 * Recorded and updated scans leave the queue, unless changed meanwhile (an edit merged into one being
 * sent stays, and goes next time); refused ones stay with the server's reason until dismissed. Without
 * a network (or with the server away) everything stays pending for the next try.
 */
export function syncLeads(): Promise<LeadSyncResult["results"]> {
  running ??= sendPending().finally(() => {
    running = null;
  });
  return running;
}

async function sendPending(): Promise<LeadSyncResult["results"]> {
  const queue = leadQueue();
  const pending = (await queue.all()).filter((i) => i.state === "pending");
  if (!pending.length) return [];
  const sent = new Map(pending.map((i) => [i.key, JSON.stringify(i)]));
  const scans = pending.map(({ key, body: { badge, ...fields }, scannedAt }) => ({ scanId: key, badge, scannedAt, ...fields }));
  let answer: LeadSyncResult;
  try {
    answer = await send<LeadSyncResult>("POST", "/leads/sync", { scans });
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) await refuseInvalid(pending, e);
    return [];
  }
  for (const r of answer.results) {
    if (r.status === "refused") await queue.refuse(r.scanId, r.message ?? r.reason ?? "");
    else if ((await queue.all()).some((i) => i.key === r.scanId && JSON.stringify(i) === sent.get(r.scanId))) await queue.remove(r.scanId);
  }
  await queryClient.invalidateQueries({ queryKey: keys.leads });
  return answer.results;
}

/** A batch the api found malformed: the scans its field messages name (`scans.3.note`) are refused with them; without names, all are. */
async function refuseInvalid(pending: QueuedLead[], e: ApiError) {
  const named = new Map<number, string>();
  for (const [path, message] of Object.entries(e.fields)) {
    const n = /^scans\.(\d+)\./.exec(path)?.[1];
    if (n !== undefined) named.set(Number(n), named.has(Number(n)) ? `${named.get(Number(n))} ${message}` : message);
  }
  for (const [n, item] of pending.entries()) {
    if (!named.size || named.has(n)) await leadQueue().refuse(item.key, named.get(n) ?? errorText(e));
  }
}
