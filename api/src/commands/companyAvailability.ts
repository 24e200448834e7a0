import { AppError, notFound, validationFailed } from "../errors";
import type { Repositories } from "../repositories";
import type { UserRecord } from "../repositories/userRepository";
import type { FairRecord } from "../repositories/fairRepository";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { CommandContext } from "./context";
import { eventFor, firmInEvent } from "./events/eventInContext";
import { companyPolicy } from "../policies/company";
import { availableSlots, fairSlots, slotNamed, slotView, type SlotAvailability } from "../domain/fairSlots";

/** The company as it takes part in the event in context (its own event when none is named). */
async function load(ctx: CommandContext, user: UserRecord, event: string | undefined, companyId: string) {
  const stored = await ctx.repos.companies.findById(companyId);
  if (!stored || !companyPolicy.canSeeCard(user, stored)) throw notFound();
  if (!companyPolicy.canEdit(user, stored)) throw new AppError("forbidden");
  const fair = event ? await eventFor(ctx, user, event) : await ctx.repos.fairs.findById(stored.fairId);
  const company = fair && (await firmInEvent(ctx, fair.id, stored));
  if (!fair || !company) throw notFound();
  return { company, fair };
}

export type CompanyAvailability = SlotAvailability[];

/**
 * Whether each company can meet in each of the fair's slots: its sessions, its blocks, its working
 * hours. The registrations are read once for all of them (the scheduler asks for every company of
 * the fair; a booking for both sides), and the programme only when one of them registered for a
 * session (most firms have none, so a booking usually reads just the registrations).
 */
export async function availabilityOf(repos: Repositories, fair: FairRecord, companies: CompanyRecord[]): Promise<Map<string, CompanyAvailability>> {
  const registered = await repos.fairSessions.sessionIdsByCompany(companies.map((c) => c.id));
  const sessions = [...registered.values()].some((ids) => ids.length) ? await repos.fairSessions.listForFair(fair.id) : [];
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
export async function getAvailability(ctx: CommandContext, user: UserRecord, event: string | undefined, companyId: string) {
  const { company, fair } = await load(ctx, user, event, companyId);
  const slots = await availabilityFor(ctx.repos, fair, company);
  return {
    timeZone: company.timeZone,
    fairTimeZone: fair.timeZone,
    slots: slots.map(({ slot, available, reason }) => ({ ...slotView(slot), available, ...(reason ? { reason } : {}) })),
  };
}

/**
 * Sets the slots of the event the company cannot meet in, each named by its start instant (or its
 * label); stored by start, so a change of the fair's hours moves none. Its blocks in other events'
 * slots are kept.
 */
export async function setBlockedSlots(ctx: CommandContext, user: UserRecord, event: string | undefined, companyId: string, blocked: string[]) {
  const { company, fair } = await load(ctx, user, event, companyId);
  const slots = blocked.map((ref) => slotNamed(fair, ref));
  const bad = Object.fromEntries(slots.flatMap((slot, i) => (slot ? [] : [[`blocked.${i}`, "unknownSlot"]])));
  if (Object.keys(bad).length) throw validationFailed(bad);
  const here = new Set(fairSlots(fair).map((s) => s.start.getTime()));
  const elsewhere = (company.blockedSlots ?? []).map((d) => d.getTime()).filter((t) => !here.has(t));
  const starts = [...new Set([...elsewhere, ...slots.map((s) => s!.start.getTime())])].sort((a, b) => a - b);
  await ctx.repos.companies.setBlockedSlots(
    company.id,
    starts.map((t) => new Date(t)),
  );
}
