import { z } from "zod";
import type { AuditEntry } from "../repositories/auditRepository";

export const AuditEntryViewSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.string(), email: z.string() }),
  action: z.string(),
  target: z.record(z.string(), z.string()),
  fields: z.array(z.string()),
  status: z.number().int(),
  requestId: z.string().optional(),
});

export function presentAuditEntry(r: AuditEntry): z.infer<typeof AuditEntryViewSchema> {
  return {
    id: r.id,
    at: r.createdAt.toISOString(),
    actor: { id: r.actorUserId, email: r.actorEmail },
    action: r.action,
    target: r.target,
    fields: r.fields,
    status: r.status,
    ...(r.requestId ? { requestId: r.requestId } : {}),
  };
}
