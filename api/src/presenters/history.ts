import { companyName, type FirmHistory, type HistoryCounts, type Locale, type MeetingOutcome } from "@ketnoi/contracts";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { FairRecord } from "../repositories/fairRepository";
import type { MeetingRecord } from "../repositories/meetingRepository";
import type { FirmHistoryCount, HistoryEntry } from "../domain/firmHistory";

/** A firm's history as the command loaded it. */
interface Loaded extends FirmHistoryCount<FairRecord, MeetingRecord> {
  company: CompanyRecord;
  partners: ReadonlyMap<string, CompanyRecord>;
}

const counts = (c: HistoryCounts): HistoryCounts => ({ meetingsHeld: c.meetingsHeld, outcomes: { ...c.outcomes } });

function meeting({ meeting: m, partnerId, outcomeOpen }: HistoryEntry<MeetingRecord>, partners: Loaded["partners"], locale: Locale) {
  const partner = partners.get(partnerId);
  return {
    id: m.id,
    // A firm deleted since keeps its place in the history, nameless.
    partner: { id: partnerId, name: partner ? companyName(partner, locale) : "", country: partner?.country ?? "" },
    start: m.startsAt!.toISOString(),
    ...(m.endsAt ? { end: m.endsAt.toISOString() } : {}),
    ...(m.mode ? { mode: m.mode } : {}),
    status: m.status,
    outcomes: m.outcomes.map((o) => ({
      companyId: o.companyId!,
      outcome: o.outcome as MeetingOutcome,
      ...(o.note ? { note: o.note } : {}),
      at: o.at!.toISOString(),
    })),
    outcomeOpen,
  };
}

/** The firm's meetings across every event, newest event first, named in the reader's language. */
export function presentFirmHistory(h: Loaded, locale: Locale): FirmHistory {
  return {
    company: { id: h.company.id, name: companyName(h.company, locale) },
    events: h.events.map(({ event, meetings, counts: c }) => ({
      slug: event.slug,
      name: event.name,
      kind: event.kind ?? "hybrid",
      timeZone: event.timeZone,
      days: [...event.days].sort(),
      meetings: meetings.map((m) => meeting(m, h.partners, locale)),
      counts: counts(c),
    })),
    totals: counts(h.totals),
  };
}
