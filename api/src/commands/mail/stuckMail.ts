import type { Repositories } from "../../repositories";
import type { OutboxMessage } from "../../repositories/outboxRepository";

/** A message waiting longer than this is stuck (the queue sends within seconds while the server answers). */
export const STUCK_AFTER_MS = 10 * 60_000;

/** Mail the organisers should look at: given up after the retry budget, or waiting for more than ten minutes. */
export async function listStuckMail(repos: Repositories, now: Date, limit: number): Promise<OutboxMessage[]> {
  return repos.outbox.listStuck(new Date(now.getTime() - STUCK_AFTER_MS), limit);
}
