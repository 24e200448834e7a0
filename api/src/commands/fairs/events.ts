import { AppError, notFound } from "../../errors";
import type { CommandContext } from "../context";
import type { FairRecord } from "../../repositories/fairRepository";
import type { ParticipationRecord } from "../../repositories/participationRepository";
import type { UserRecord } from "../../repositories/userRepository";
import type { CompanyRecord } from "../../repositories/companyRepository";
import { eventIsOver } from "../../domain/eventCopy";
import { eventPolicy } from "../../policies/event";
import { DateTime } from "luxon";

export type EventWhen = "upcoming" | "running" | "past";
export interface EventListing {
  fair: FairRecord;
  firms: number;
  when: EventWhen;
  registration?: ParticipationRecord;
  /** For organisers: whether the caller organises it (an organiser may be scoped to some events). */
  organising?: boolean;
  /** A past event's results: its meetings held and the outcomes their parties recorded, by kind. */
  results?: { meetingsHeld: number; outcomes: Record<string, number> };
}

function whenOf(fair: FairRecord, now: Date): EventWhen {
  if (eventIsOver(fair.days, fair.timeZone, now)) return "past";
  const today = DateTime.fromJSDate(now, { zone: fair.timeZone }).toISODate() ?? "";
  return [...fair.days].sort()[0]! <= today ? "running" : "upcoming";
}

/** Every event of the programme: running and upcoming ones soonest first, then past ones latest first; the caller's firm's registrations. */
export async function listEvents({ repos, now }: CommandContext, user: UserRecord | undefined): Promise<EventListing[]> {
  const fairs = await repos.fairs.list();
  const [registrations, mine] = await Promise.all([
    repos.participations.listForFairs(fairs.map((f) => f.id)),
    user?.companyId ? repos.participations.listForCompany(user.companyId) : Promise.resolve([]),
  ]);
  const approved = new Map<string, number>();
  for (const r of registrations) if (r.status === "approved") approved.set(r.fairId, (approved.get(r.fairId) ?? 0) + 1);
  const when = new Map(fairs.map((f) => [f.id, whenOf(f, now())]));
  const pastIds = fairs.filter((f) => when.get(f.id) === "past").map((f) => f.id);
  const results = pastIds.length ? await repos.meetings.resultsByFair(pastIds) : new Map<string, EventListing["results"]>();
  const listings: EventListing[] = fairs.map((fair) => ({
    fair,
    firms: approved.get(fair.id) ?? 0,
    when: when.get(fair.id)!,
    registration: mine.find((r) => r.fairId === fair.id),
    ...(user?.role === "organiser" ? { organising: eventPolicy.canOrganise(user, fair) } : {}),
    ...(results.get(fair.id) ? { results: results.get(fair.id) } : {}),
  }));
  const ahead = listings.filter((l) => l.when !== "past");
  const past = listings.filter((l) => l.when === "past").reverse();
  return [...ahead, ...past];
}

/**
 * The caller's firm joins an event with one click: a firm the directory knows brings its profile; the
 * registration is approved at once unless the event requires an organiser's approval (or the firm
 * itself still awaits one). Joining twice answers the registration there is; a past event is closed.
 */
export async function joinEvent(
  { repos, now }: CommandContext,
  user: UserRecord,
  slug: string,
  participation?: "onsite" | "remote",
): Promise<{ fair: FairRecord; registration: ParticipationRecord; created: boolean }> {
  const fair = await repos.fairs.findBySlug(slug);
  if (!fair) throw notFound();
  if (!user.companyId) throw new AppError("forbidden");
  const company = await repos.companies.findById(user.companyId);
  if (!company) throw notFound();
  const existing = await repos.participations.find(fair.id, company.id);
  if (existing) return { fair, registration: existing, created: false };
  if (eventIsOver(fair.days, fair.timeZone, now())) throw new AppError("conflict", { event: "eventOver" });
  const mode = fair.kind === "online" ? "remote" : (participation ?? company.participation);
  if (mode === "remote" && fair.kind === "delegation") throw new AppError("validation_failed", { participation: "eventOnsiteOnly" });
  const status = fair.requiresApproval === false && company.status !== "pending" ? "approved" : "pending";
  const created = await repos.participations.register({ fairId: fair.id, companyId: company.id, status, participation: mode });
  const registration = (await repos.participations.find(fair.id, company.id))!;
  if (registration.status === "approved") await followFirmToEvent({ repos, now }, company, fair, registration);
  return { fair, registration, created };
}

export interface RegistrationRow {
  registration: ParticipationRecord;
  company: CompanyRecord;
  earlierEvents: FairRecord[];
}

/** The firms registered for an event (organisers), waiting ones first, each with the events it took part in before. */
export async function eventRegistrations({ repos }: CommandContext, slug: string): Promise<RegistrationRow[]> {
  const fair = await repos.fairs.findBySlug(slug);
  if (!fair) throw notFound();
  const registrations = await repos.participations.listForFair(fair.id);
  const [companies, fairs, history] = await Promise.all([
    repos.companies.findByIds(registrations.map((r) => r.companyId)),
    repos.fairs.list(),
    repos.participations.listForCompanies(registrations.map((r) => r.companyId)),
  ]);
  const byId = new Map(companies.map((c) => [c.id, c]));
  const fairById = new Map(fairs.map((f) => [f.id, f]));
  const firstDay = fair.days[0] ?? "";
  return registrations
    .flatMap((registration) => {
      const company = byId.get(registration.companyId);
      if (!company) return [];
      const earlierEvents = history
        .filter((h) => h.companyId === company.id && h.status === "approved" && h.fairId !== fair.id)
        .map((h) => fairById.get(h.fairId))
        .filter((f): f is FairRecord => f !== undefined && (f.days[0] ?? "") < firstDay)
        .sort((a, b) => (b.days[0] ?? "").localeCompare(a.days[0] ?? ""));
      return [{ registration, company, earlierEvents }];
    })
    .sort((a, b) => (a.registration.status === b.registration.status ? 0 : a.registration.status === "pending" ? -1 : 1));
}

/** An organiser approves a firm's registration for an event; a registration already approved is a conflict, none a 404. */
export async function approveRegistration({ repos, now }: CommandContext, slug: string, companyId: string): Promise<void> {
  const fair = await repos.fairs.findBySlug(slug);
  if (!fair) throw notFound();
  const registration = await repos.participations.find(fair.id, companyId);
  if (!registration) throw notFound();
  if (!(await repos.participations.approve(fair.id, companyId))) throw new AppError("conflict", { registration: "alreadyApproved" });
  const company = await repos.companies.findById(companyId);
  if (company) await followFirmToEvent({ repos, now }, company, fair, registration);
}

/**
 * The event a firm books meetings in, is listed and recommended for (company.fairId) follows it to an
 * event it was approved for once the one it was in is over: last year's firm joins this year's fair
 * and works in it. While that event runs or is ahead, the firm stays in it (a firm acts in one event
 * at a time; its registrations for the others are kept and counted).
 */
async function followFirmToEvent(
  { repos, now }: CommandContext,
  company: CompanyRecord,
  fair: FairRecord,
  registration: ParticipationRecord,
): Promise<void> {
  if (company.fairId === fair.id) return;
  const current = await repos.fairs.findById(company.fairId);
  if (current && !eventIsOver(current.days, current.timeZone, now())) return;
  await repos.companies.moveToEvent(company.id, fair.id, registration.participation);
}
