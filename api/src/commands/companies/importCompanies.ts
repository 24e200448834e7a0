import { errorMapFor, type Locale } from "@ketnoi/contracts";
import type { UserRecord } from "../../repositories/userRepository";
import { eventFor } from "../events/eventInContext";
import type { Repositories } from "../../repositories";
import { parseCompanyCsv, type CsvRowError, type ParsedCompanyCsv } from "../../domain/companyCsv";
import type { CompanyContext } from "./context";

/** What an import did, and each bad line's field and message key (zod's own messages already in the caller's language). */
export interface CompanyImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  rejected: number;
  errors: CsvRowError[];
}

/**
 * Imports the Department's company list into the event in context (see eventFor): good rows are created or updated
 * (by tax code, or country and name), bad rows are reported line by line and not imported at all.
 */
export async function importCompanies(
  ctx: CompanyContext,
  user: UserRecord,
  event: string | undefined,
  csv: string,
  dryRun: boolean,
  locale: Locale,
): Promise<CompanyImportReport> {
  const { repos, directory } = ctx;
  const fair = await eventFor(ctx, user, event);
  const parsed = parseCompanyCsv(csv, await repos.taxonomy.list(), errorMapFor(locale));
  const unconsented = await listingsWithoutConsent(repos, parsed.rows);
  if (unconsented.length) {
    const refused = new Set(unconsented.map((e) => e.line));
    parsed.rows = parsed.rows.filter((r) => !refused.has(r.line));
    parsed.errors.push(...unconsented);
    parsed.errors.sort((a, b) => a.line - b.line);
  }
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
    errors: parsed.errors,
  };
}

/**
 * Lines that would list a firm its owner has not agreed to show (as PATCH /api/companies/:id refuses):
 * a list may take a firm off the directory; it lists a firm that has an owner's account only while
 * the owner consents to profile sharing, and a firm with no account yet as the list says.
 */
async function listingsWithoutConsent(repos: Repositories, rows: ParsedCompanyCsv["rows"]): Promise<CsvRowError[]> {
  const toList = rows.filter((r) => r.profile.listed);
  if (!toList.length) return [];
  const unlisted = new Map((await repos.companies.listAll()).filter((c) => !c.listed).map((c) => [c.registrationKey, c.id]));
  const owners = (await repos.users.listAll()).filter((u) => u.companyRole === "owner" && u.companyId);
  const owned = new Set(owners.map((u) => u.companyId));
  const consenting = new Set(owners.filter((u) => u.consents.some((c) => c.purpose === "profileSharing")).map((u) => u.companyId));
  return toList.flatMap(({ line, profile }) => {
    const id = unlisted.get(profile.registrationKey);
    return id && owned.has(id) && !consenting.has(id) ? [{ line, field: "listed", message: "listedByConsent" }] : [];
  });
}
