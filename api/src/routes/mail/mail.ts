import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import type { Repositories } from "../../repositories";
import { listStuckMail } from "../../commands/mail/stuckMail";
import type { OutboxMessage } from "../../repositories/outboxRepository";

const StuckMailViewSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  queuedAt: z.iso.datetime(),
  attempts: z.number().int(),
  state: z.enum(["waiting", "given_up"]),
  lastError: z.string().optional(),
});

const present = (m: OutboxMessage): z.infer<typeof StuckMailViewSchema> => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  template: m.template,
  queuedAt: m.createdAt.toISOString(),
  attempts: m.attempts,
  state: m.failedAt ? "given_up" : "waiting",
  ...(m.lastError ? { lastError: m.lastError } : {}),
});

/** What the organisers see of mail delivery: messages that did not go out. */
export function mailEndpoints(repos: Repositories) {
  return [
    defineEndpoint({
      method: "get",
      path: "/mail/stuck",
      summary: "Mail not delivered: given up after the retries (with the mail server's last answer) or waiting more than ten minutes (organisers)",
      tags: ["mail"],
      access: ["organiser"],
      request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: { 200: { description: "Stuck messages, oldest first", schema: z.array(StuckMailViewSchema) } },
      // By the real clock, not the api's domain clock: the outbox is stamped (createdAt) by the real one.
      handler: async ({ query }) => ({ body: (await listStuckMail(repos, new Date(), query.limit)).map(present) }),
    }),
  ];
}
