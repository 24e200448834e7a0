import type { EventRegistration, EventRegistrationRow, EventResults, EventSummary } from "@ketnoi/contracts";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { FairRecord } from "../repositories/fairRepository";
import type { ParticipationRecord } from "../repositories/participationRepository";

/** An event as the list shows it (what commands/fairs/events.ts lists). */
interface Listing {
  fair: FairRecord;
  firms: number;
  when: "upcoming" | "running" | "past";
  registration?: ParticipationRecord;
  organising?: boolean;
  results?: { meetingsHeld: number; outcomes: Record<string, number> };
}

export const presentRegistration = (r: ParticipationRecord): EventRegistration => ({
  status: r.status,
  participation: r.participation,
  registeredAt: r.createdAt.toISOString(),
});

export function presentEventSummary({ fair, firms, when, registration, organising, results }: Listing): EventSummary {
  return {
    id: fair.id,
    slug: fair.slug,
    name: fair.name,
    venue: fair.venue,
    kind: fair.kind ?? "hybrid",
    timeZone: fair.timeZone,
    days: fair.days,
    requiresApproval: fair.requiresApproval !== false,
    firms,
    when,
    ...(registration ? { registration: presentRegistration(registration) } : {}),
    ...(organising === undefined ? {} : { organising }),
    ...(results ? { results: { meetingsHeld: results.meetingsHeld, outcomes: results.outcomes as EventResults["outcomes"] } } : {}),
  };
}

export function presentRegistrationRow({
  registration,
  company,
  earlierEvents,
}: {
  registration: ParticipationRecord;
  company: CompanyRecord;
  earlierEvents: FairRecord[];
}): EventRegistrationRow {
  return {
    ...presentRegistration(registration),
    companyId: company.id,
    legalName: company.legalName,
    ...(company.englishName ? { englishName: company.englishName } : {}),
    country: company.country,
    kind: company.kind as "domestic" | "foreign",
    earlierEvents: earlierEvents.map((f) => ({ slug: f.slug, name: f.name })),
  };
}
