import { z } from "zod";
import type { OutboxMessage } from "../repositories/outboxRepository";

export const StuckMailViewSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  queuedAt: z.iso.datetime(),
  attempts: z.number().int(),
  state: z.enum(["waiting", "given_up"]),
  lastError: z.string().optional(),
});

export function presentStuckMail(m: OutboxMessage): z.infer<typeof StuckMailViewSchema> {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    template: m.template,
    queuedAt: m.createdAt.toISOString(),
    attempts: m.attempts,
    state: m.failedAt ? "given_up" : "waiting",
    ...(m.lastError ? { lastError: m.lastError } : {}),
  };
}
