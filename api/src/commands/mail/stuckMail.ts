import type { OutboxMessage } from "../../repositories/outboxRepository";
import type { CommandContext } from "../context";

/** A message waiting longer than this is stuck (the queue sends within seconds while the server answers). */
export const STUCK_AFTER_MS = 10 * 60_000;

/**
 * Mail the organisers should look at: given up after the retry budget, or waiting for more than ten minutes.
 * By the real clock, not the context's domain clock: the outbox is stamped (createdAt) by the real one.
 */
export async function listStuckMail({ repos }: Pick<CommandContext, "repos">, limit: number, now = new Date()): Promise<OutboxMessage[]> {
  return repos.outbox.listStuck(new Date(now.getTime() - STUCK_AFTER_MS), limit);
}
