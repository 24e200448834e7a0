import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import type { Repositories } from "../../repositories";

const AuditEntryViewSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.string(), email: z.string() }),
  action: z.string(),
  target: z.record(z.string(), z.string()),
  fields: z.array(z.string()),
  status: z.number().int(),
  requestId: z.string().optional(),
});

/** The organisers' audit trail: every change an organiser made, newest first. */
export function auditEndpoints(repos: Repositories) {
  return [
    defineEndpoint({
      method: "get",
      path: "/audit",
      summary: "What organisers changed, newest first (schedule published, companies approved, meetings moved by hand...); page back with `before`",
      tags: ["audit"],
      access: ["organiser"],
      request: { query: z.strictObject({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: { description: "Audit entries", schema: z.array(AuditEntryViewSchema) } },
      handler: async ({ query }) => {
        const rows = await repos.audit.list(query.limit, query.before ? new Date(query.before) : undefined);
        return {
          body: rows.map((r) => ({
            id: r.id,
            at: r.createdAt.toISOString(),
            actor: { id: r.actorUserId, email: r.actorEmail },
            action: r.action,
            target: r.target,
            fields: r.fields,
            status: r.status,
            ...(r.requestId ? { requestId: r.requestId } : {}),
          })),
        };
      },
    }),
  ];
}
