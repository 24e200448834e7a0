import type { EventRegistration, EventRegistrationRow, EventSummary } from "@ketnoi/contracts";
import type { EventListing, RegistrationRow } from "../commands/fairs/events";
import type { ParticipationRecord } from "../repositories/participationRepository";

export const presentRegistration = (r: ParticipationRecord): EventRegistration => ({
  status: r.status,
  participation: r.participation,
  registeredAt: r.createdAt.toISOString(),
});

export function presentEventSummary({ fair, firms, when, registration }: EventListing): EventSummary {
  return {
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
  };
}

export function presentRegistrationRow({ registration, company, earlierEvents }: RegistrationRow): EventRegistrationRow {
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
