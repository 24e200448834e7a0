import type { Repositories } from "../../repositories";

/**
 * Brings a database from before firms lasted across events up to date: each firm belonged to one fair
 * (company.fairId) with its status and participation on the firm. Each becomes the firm's registration
 * for that fair, with the same status and participation; nothing of the firm changes. Run at every start
 * of the api and by the seed, before anything is served; idempotent (a registration that exists is kept
 * as it is, so an approval made since is never undone), and safe with several processes at once.
 * Returns how many registrations it made.
 */
export async function migrateParticipations(repos: Repositories): Promise<{ registered: number }> {
  const companies = await repos.companies.listAll();
  const known = new Set((await repos.participations.listForFairs([...new Set(companies.map((c) => c.fairId))])).map((p) => p.id));
  const missing = companies.filter((c) => !known.has(`${c.fairId}:${c.id}`));
  await repos.participations.ensureMany(
    missing.map((c) => ({ fairId: c.fairId, companyId: c.id, status: c.status ?? "approved", participation: c.participation })),
  );
  return { registered: missing.length };
}
