import type { UserRecord } from "../../repositories/userRepository";
import { eventFor, onlyInEvent } from "../events/eventInContext";
import { companiesToCsv } from "../../domain/companyCsv";
import type { CompanyContext } from "./context";

/** Every company registered for the event in context (see eventFor) as CSV in the import format, by name. */
export async function exportCompanies(ctx: CompanyContext, user: UserRecord, event: string | undefined) {
  const fair = await eventFor(ctx, user, event);
  const rows = await onlyInEvent(ctx, fair.id, await ctx.repos.companies.listAll());
  rows.sort((a, b) => (a.sortName < b.sortName ? -1 : 1));
  return { filename: `${fair.slug}-companies.csv`, text: companiesToCsv(rows) };
}
