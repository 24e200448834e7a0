import type { CommandContext } from "../context";
import { FAIR_PARTS, type FairPart, type RawRecord } from "../../repositories/fairArchiveRepository";

export const FAIR_EXPORT_FORMAT = "ketnoi-fair-export";

/**
 * A whole fair as one JSON document (Extended JSON, so ids, dates and file bytes survive the trip).
 * Users come without their password hashes: an imported account signs in after a password reset.
 */
export async function exportFair({ repos }: Pick<CommandContext, "repos">, slug: string): Promise<string | null> {
  const parts = await repos.fairArchive.readFair(slug);
  if (!parts) return null;
  // Neither the password nor the sign-in lockout's state (loginRun; older records' failedLogins, lockedUntil).
  parts.users = parts.users.map(({ passwordHash: _hash, loginRun: _r, failedLogins: _f, lockedUntil: _l, ...user }) => user as RawRecord);
  return repos.fairArchive.stringify({ format: FAIR_EXPORT_FORMAT, version: 1, exportedAt: new Date(), slug, parts });
}

export class FairImportError extends Error {}

/**
 * Writes an exported fair into this database. Refused when the fair (or any of its records) is
 * already here; if a write fails part-way, what was written is removed again, so nothing is left
 * half-imported. Returns how many records of each part were written.
 */
export async function importFair({ repos }: Pick<CommandContext, "repos">, text: string): Promise<Record<string, number>> {
  const archive = repos.fairArchive;
  const data = archive.parse(text) as { format?: string; version?: number; parts?: Partial<Record<FairPart, RawRecord[]>> };
  if (data.format !== FAIR_EXPORT_FORMAT || Number(data.version) !== 1 || !data.parts) {
    throw new FairImportError("not a Ketnoi fair export (version 1)");
  }
  const parts = data.parts;
  const fair = parts.fairs?.[0];
  if (!fair) throw new FairImportError("the export holds no fair");
  if (await archive.holdsFair(fair)) throw new FairImportError(`the fair "${String(fair.slug)}" is already here`);
  const written: { part: FairPart; ids: unknown[] }[] = [];
  try {
    for (const part of FAIR_PARTS) {
      let records = parts[part] ?? [];
      // Accounts arrive locked: a reset sets their password.
      if (part === "users") records = records.map((u) => ({ ...u, passwordHash: "!reset-required" }));
      for (let i = 0; i < records.length; i += 50) {
        const { inserted, error } = await archive.insert(part, records.slice(i, i + 50));
        written.push({ part, ids: inserted });
        if (error) throw error;
      }
    }
  } catch (err) {
    for (const { part, ids } of written.reverse()) await archive.remove(part, ids);
    throw err instanceof FairImportError ? err : new FairImportError(`import failed and was undone: ${(err as Error).message}`);
  }
  return Object.fromEntries(FAIR_PARTS.map((p) => [p, parts[p]?.length ?? 0]));
}
