import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import { AuditEntryViewSchema, presentAuditEntry } from "../../presenters/auditEntry";
import type { CommandContext } from "../../commands/context";
import { listAuditTrail } from "../../commands/audit/auditTrail";
import { organiserScope } from "../organiserScope";

/** The organisers' audit trail: every change an organiser made, newest first. */
export function auditEndpoints(ctx: CommandContext) {
  const scope = organiserScope(ctx);
  return [
    defineEndpoint({
      method: "get",
      path: "/audit",
      summary: "What organisers changed, newest first (schedule published, companies approved, meetings moved by hand...); page back with `before`",
      tags: ["audit"],
      access: ["organiser"],
      before: [scope.programme],
      request: { query: z.strictObject({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: { description: "Audit entries", schema: z.array(AuditEntryViewSchema) } },
      handler: async ({ query }) => {
        const rows = await listAuditTrail(ctx, query.limit, query.before ? new Date(query.before) : undefined);
        return { body: rows.map(presentAuditEntry) };
      },
    }),
  ];
}
