import {
  MEETING_OUTCOMES,
  PROGRAMME_MEASURES,
  type EventKind,
  type LocalizedText,
  type MeetingOutcome,
  type ProgrammeEventRow,
  type ProgrammeMeasure,
} from "@ketnoi/contracts";
import { holdsInternationalStandard, isTechnologyMaker, type TargetFirm } from "./planTargets";
import { eventYear } from "./eventYear";

/** An event of the programme (a fair record's fields the count reads). */
export interface ProgrammeEvent {
  id: string;
  slug: string;
  name: LocalizedText;
  /** Absent on events set up before kinds: a hybrid fair. */
  kind?: EventKind;
  days: string[];
  timeZone: string;
}
/** A firm's profile fields the count reads. */
export type ProgrammeFirm = Omit<TargetFirm, "status"> & {
  id: string;
  legalName: string;
  englishName?: string;
  products: { keyIndustrialProductYear?: number }[];
};
export interface ProgrammeRegistration {
  fairId: string;
  companyId: string;
  status: "pending" | "approved";
}
export interface ProgrammeMeeting {
  fairId: string;
  status: string;
  outcomes?: { outcome?: string }[];
}

/** One firm of the year and what it counts towards (the workbook's firm-level sheet). */
export interface ProgrammeFirmRow {
  id: string;
  legalName: string;
  englishName?: string;
  kind: "domestic" | "foreign";
  country: string;
  /** The slugs of the year's events it was approved for. */
  events: string[];
  counts: Record<Exclude<ProgrammeMeasure, "keyProducts">, boolean>;
  keyProducts: number;
}

export interface ProgrammeCount {
  progress: Record<ProgrammeMeasure, number>;
  events: ProgrammeEventRow[];
  firms: ProgrammeFirmRow[];
}

/** The end of an event's last day, as the instant certificates are compared with (a certificate "valid until" that day still counts). */
const lastDayOf = (e: ProgrammeEvent) => new Date(`${[...e.days].sort().at(-1)}T00:00:00Z`);

/**
 * Progress towards the year's programme targets over every event of the year, counted through
 * approved registrations (a firm waiting for approval does not take part yet), each firm once however
 * many events it joined:
 * - domesticFirms: Hanoi (domestic) firms taking part in any event of the year, missions included;
 * - certifiedFirms: of them, those holding an international standard valid on the last day of an
 *   event they took part in. The event's day, not the year's end: the plan counts firms whose
 *   production meets international standards as they take part, the per-fair dashboard counts so
 *   (one event's figures agree), and a report made in June cannot know which certificates will be
 *   renewed before 31 December;
 * - technologyMakers: foreign firms from the US, the EU, Japan or Korea offering technology or
 *   equipment (planTargets' definition), at events held in Vietnam: the plan invites makers to
 *   Vietnam, and those a mission meets abroad are not invited;
 * - missionFirms: Hanoi firms taking part in an outbound mission;
 * - keyProductFirms, keyProducts: Hanoi firms taking part with products recognised as the city's key
 *   industrial products in the year itself (Plan 267: "30-35 products recognised in 2022, 15-20 of
 *   them for the first time": each year's recognition round), and the number of those products.
 */
export function countProgramme(
  year: number,
  events: ProgrammeEvent[],
  registrations: ProgrammeRegistration[],
  firms: ProgrammeFirm[],
  meetings: ProgrammeMeeting[],
): ProgrammeCount {
  const ofYear = events.filter((e) => e.days.length > 0 && eventYear(e) === year).sort((a, b) => a.days[0]!.localeCompare(b.days[0]!));
  const byId = new Map(ofYear.map((e) => [e.id, e]));
  const firmById = new Map(firms.map((f) => [f.id, f]));
  // Each firm's events of the year (approved registrations of firms that still exist).
  const eventsOf = new Map<string, ProgrammeEvent[]>();
  for (const r of registrations) {
    const event = byId.get(r.fairId);
    if (!event || r.status !== "approved" || !firmById.has(r.companyId)) continue;
    eventsOf.set(r.companyId, [...(eventsOf.get(r.companyId) ?? []), event]);
  }

  const rows: ProgrammeFirmRow[] = [...eventsOf].map(([id, joined]) => {
    const f = firmById.get(id)!;
    const domestic = f.kind === "domestic";
    const keyProducts = domestic ? f.products.filter((p) => p.keyIndustrialProductYear === year).length : 0;
    return {
      id,
      legalName: f.legalName,
      ...(f.englishName ? { englishName: f.englishName } : {}),
      kind: f.kind,
      country: f.country,
      events: joined.map((e) => e.slug),
      counts: {
        domesticFirms: domestic,
        certifiedFirms: domestic && joined.some((e) => holdsInternationalStandard(f, lastDayOf(e))),
        technologyMakers: isTechnologyMaker(f) && joined.some((e) => e.kind !== "mission"),
        missionFirms: domestic && joined.some((e) => e.kind === "mission"),
        keyProductFirms: keyProducts > 0,
      },
      keyProducts,
    };
  });
  rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.legalName.localeCompare(b.legalName, "vi"));

  const progress = Object.fromEntries(PROGRAMME_MEASURES.map((m) => [m, 0])) as Record<ProgrammeMeasure, number>;
  for (const row of rows) {
    for (const [measure, counts] of Object.entries(row.counts)) if (counts) progress[measure as ProgrammeMeasure]++;
    progress.keyProducts += row.keyProducts;
  }
  return { progress, events: ofYear.map((e) => eventRow(e, rows, meetings)), firms: rows };
}

function eventRow(e: ProgrammeEvent, rows: ProgrammeFirmRow[], meetings: ProgrammeMeeting[]): ProgrammeEventRow {
  const at = rows.filter((r) => r.events.includes(e.slug));
  const own = meetings.filter((m) => m.fairId === e.id);
  const outcomes = Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, 0])) as Record<MeetingOutcome, number>;
  for (const m of own) for (const o of m.outcomes ?? []) if (o.outcome && o.outcome in outcomes) outcomes[o.outcome as MeetingOutcome]++;
  const domesticFirms = at.filter((r) => r.kind === "domestic").length;
  return {
    slug: e.slug,
    name: e.name,
    kind: e.kind ?? "hybrid",
    days: [...e.days].sort(),
    timeZone: e.timeZone,
    firms: at.length,
    domesticFirms,
    foreignFirms: at.length - domesticFirms,
    meetingsHeld: own.filter((m) => m.status === "held").length,
    outcomes,
  };
}
