import type { Logger } from "pino";
import type { OutboxRepository } from "../repositories/outboxRepository";
import type { MailTransport } from "./mailTransport";

/**
 * Retry budget: ten attempts, the wait doubling from 5 s (5 s, 10 s, ... 42 min): a message is given
 * up about 85 minutes after its first attempt, with the last reason recorded for the organisers.
 */
export const MAIL_ATTEMPTS = 10;
export const MAIL_BACKOFF_MS = 5_000;

/**
 * Sends one outbox message, once: one already sent or given up is left alone (a job delivered again
 * after a crash, or swept twice), a failure is counted on the message and rethrown for the queue to retry.
 */
export async function deliverOutboxMessage(
  outbox: OutboxRepository,
  transport: MailTransport,
  id: string,
  now: () => Date,
): Promise<"sent" | "skipped"> {
  const message = await outbox.findById(id);
  if (!message || message.sentAt || message.failedAt) return "skipped";
  try {
    await transport.send(message);
  } catch (err) {
    await outbox.recordFailure(id, (err as Error).message);
    throw err;
  }
  await outbox.markSent(id, now());
  return "sent";
}

/**
 * Without Redis (one api process alone): send what waits, oldest first, with the same budget counted
 * on the messages. Across several processes use the queue (jobs.ts), which leases each message.
 */
export async function sendWaitingMail(outbox: OutboxRepository, transport: MailTransport, now: () => Date, logger: Logger) {
  for (const message of await outbox.listWaiting(50)) {
    const due = message.createdAt.getTime() + MAIL_BACKOFF_MS * (2 ** message.attempts - 1);
    if (message.attempts > 0 && due > now().getTime()) continue;
    try {
      await deliverOutboxMessage(outbox, transport, message.id, now);
    } catch (err) {
      if (message.attempts + 1 >= MAIL_ATTEMPTS)
        await outbox.markGivenUp(message.id, `gave up after ${MAIL_ATTEMPTS} attempts: ${(err as Error).message}`, now());
      else logger.warn({ err: (err as Error).message, template: message.template }, "mail not sent; will retry");
    }
  }
}
