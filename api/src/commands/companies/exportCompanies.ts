import { notFound } from "../../errors";
import { companiesToCsv } from "../../domain/companyCsv";
import type { CompanyContext } from "./context";

/** Every company of the current fair as CSV in the import format, by name. */
export async function exportCompanies(ctx: CompanyContext) {
  const fair = await ctx.repos.fairs.findCurrent(ctx.now());
  if (!fair) throw notFound();
  const rows = (await ctx.repos.companies.listAll()).filter((c) => c.fairId === fair.id);
  rows.sort((a, b) => (a.sortName < b.sortName ? -1 : 1));
  return { filename: `${fair.slug}-companies.csv`, text: companiesToCsv(rows) };
}
