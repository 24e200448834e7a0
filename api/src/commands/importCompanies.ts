import type { Locale } from "@ketnoi/contracts";
import { notFound } from "../errors";
import type { Repositories } from "../repositories";
import type { DirectoryService } from "../services/directory";
import { parseCompanyCsv } from "../domain/companyCsv";
import { errorMapFor } from "@ketnoi/contracts";
import { fieldMessage } from "../http/messages";

/**
 * Imports the Department's company list into the current fair: good rows are created or updated
 * (by tax code, or country and name), bad rows are reported line by line and not imported at all.
 */
export async function importCompanies(repos: Repositories, directory: DirectoryService, csv: string, dryRun: boolean, locale: Locale, now: Date) {
  const fair = await repos.fairs.findCurrent(now);
  if (!fair) throw notFound();
  const parsed = parseCompanyCsv(csv, await repos.taxonomy.list(), errorMapFor(locale));
  const keys = parsed.rows.map((r) => r.profile.registrationKey);
  const existing = await repos.companies.existingKeys(keys);
  if (!dryRun && parsed.rows.length) {
    // A list carries no products, needs or requirements: keep what firms entered themselves.
    const rows = parsed.rows.map(({ profile: { products: _p, needs: _n, requirements: _r, ...listed } }) => ({ ...listed, fairId: fair.id }));
    await repos.companies.upsertMany(rows, "merge");
    await directory.refresh();
  }
  return {
    dryRun,
    created: keys.filter((k) => !existing.has(k)).length,
    updated: keys.filter((k) => existing.has(k)).length,
    rejected: new Set(parsed.errors.map((e) => e.line)).size,
    errors: parsed.errors.map((e) => ({ ...e, message: fieldMessage(e.message, locale) })),
  };
}
