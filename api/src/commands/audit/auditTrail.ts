import type { AuditEntry } from "../../repositories/auditRepository";
import type { CommandContext } from "../context";

/** What organisers changed, newest first; `before` pages back. */
export async function listAuditTrail({ repos }: CommandContext, limit: number, before?: Date): Promise<AuditEntry[]> {
  return repos.audit.list(limit, before);
}
