import { AppError, notFound, validationFailed } from "../errors";
import type { Repositories } from "../repositories";
import type { UserRecord } from "../repositories/userRepository";
import type { FairRecord } from "../repositories/fairRepository";
import type { CompanyRecord } from "../repositories/companyRepository";
import { companyPolicy } from "../policies/company";
import { availableSlots, fairSlots } from "../domain/fairSlots";

async function load(repos: Repositories, user: UserRecord, companyId: string) {
  const company = await repos.companies.findById(companyId);
  if (!company || !companyPolicy.canSeeCard(user, company)) throw notFound();
  if (!companyPolicy.canEdit(user, company)) throw new AppError("forbidden");
  const fair = await repos.fairs.findById(company.fairId);
  if (!fair) throw notFound();
  return { company, fair };
}

export type CompanyAvailability = ReturnType<typeof availableSlots>;

/**
 * Whether each company can meet in each of the fair's slots: its sessions, its blocks, its working
 * hours. The programme and the registrations are read once for all of them (the scheduler asks for
 * every company of the fair; a booking for both sides).
 */
export async function availabilityOf(repos: Repositories, fair: FairRecord, companies: CompanyRecord[]): Promise<Map<string, CompanyAvailability>> {
  const [sessions, registered] = await Promise.all([repos.fairSessions.listForFair(fair.id), repos.fairSessions.sessionIdsByCompany(companies.map((c) => c.id))]);
  const slots = fairSlots(fair);
  const result = new Map<string, CompanyAvailability>();
  for (const company of companies) {
    const mine = new Set(registered.get(company.id));
    result.set(
      company.id,
      availableSlots(slots, {
        participation: company.participation,
        timeZone: company.timeZone,
        busy: sessions.filter((s) => mine.has(s.id)).map((s) => ({ start: s.startsAt, end: s.endsAt })),
        blocked: company.blockedSlots ?? [],
      }),
    );
  }
  return result;
}

/** One company's availability (see availabilityOf). */
export async function availabilityFor(repos: Repositories, fair: FairRecord, company: CompanyRecord): Promise<CompanyAvailability> {
  return (await availabilityOf(repos, fair, [company])).get(company.id)!;
}

/** A company's meeting slots with whether it can meet then, and why not. */
export async function getAvailability(repos: Repositories, user: UserRecord, companyId: string) {
  const { company, fair } = await load(repos, user, companyId);
  const slots = await availabilityFor(repos, fair, company);
  return {
    timeZone: company.timeZone,
    fairTimeZone: fair.timeZone,
    slots: slots.map(({ slot, available, reason }) => ({
      id: slot.id,
      start: slot.start.toISOString(),
      end: slot.end.toISOString(),
      available,
      ...(reason ? { reason } : {}),
    })),
  };
}

export async function setBlockedSlots(repos: Repositories, user: UserRecord, companyId: string, blocked: string[]) {
  const { company, fair } = await load(repos, user, companyId);
  const known = new Set(fairSlots(fair).map((s) => s.id));
  const bad = Object.fromEntries(blocked.map((id, i) => [`blocked.${i}`, id] as const).filter(([, id]) => !known.has(id)).map(([f]) => [f, "unknownSlot"]));
  if (Object.keys(bad).length) throw validationFailed(bad);
  await repos.companies.setBlockedSlots(company.id, [...new Set(blocked)].sort());
}
