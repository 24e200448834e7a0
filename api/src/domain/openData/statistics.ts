import type { EventSource, PublicFirm } from "./publicFirms";
import { eventYear } from "../eventYear";
import { SIZE_BANDS, type SizeBand } from "./sizeBands";

/** A held meeting: which event, between which firms. */
export interface HeldMeetingSource {
  fairId: string;
  parties: string[];
}

export interface YearFigures {
  year: number;
  /** Events of the programme whose last day falls in the year (domain/eventYear.ts). */
  events: number;
  /** Hanoi (domestic) firms that took part in the year's events. */
  firms: number;
  /** Of them, those taking part for the first time (no event in an earlier year). */
  newFirms: number;
  /** Of them, those holding an international standard valid on the year's last event day. */
  certifiedFirms: number;
  /** Foreign firms that took part in the year's events. */
  foreignPartners: number;
  /** Meetings held at the year's events between two public firms. */
  meetingsHeld: number;
}

export interface OpenDataStatistics {
  /** Hanoi (domestic) firms in the public data. */
  firms: number;
  foreignPartners: number;
  bySector: Record<string, number>;
  byProcess: Record<string, number>;
  byDistrict: Record<string, number>;
  /** Firms holding each certification valid today (a firm with several counts under each). */
  byCertification: Record<string, number>;
  bySizeBand: Record<SizeBand, number>;
  foreignPartnersByCountry: Record<string, number>;
  years: YearFigures[];
}

const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};
/** Keys by count, largest first, then by key: the order every table and chart shows. */
const ordered = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));

const isValidOn = (c: PublicFirm["certifications"][number], day: string) => !c.validUntil || c.validUntil >= day;

/**
 * The public statistics, over the public firms only (see publicFirms: consent governs, so a firm that
 * did not consent counts nowhere, nor do meetings it held). Sector, process, district, certification
 * and size count the Hanoi firms, the programme's subject; foreign firms are counted as partners by
 * country. A firm with several sectors (or processes, certifications) counts once under each.
 * `today` is a local date (YYYY-MM-DD); `standards` the certifications that count a firm as certified.
 */
export function countStatistics(
  firms: PublicFirm[],
  events: EventSource[],
  held: HeldMeetingSource[],
  today: string,
  standards: readonly string[],
): OpenDataStatistics {
  const domestic = firms.filter((f) => f.kind === "domestic");
  const foreign = firms.filter((f) => f.kind === "foreign");
  const bySector: Record<string, number> = {};
  const byProcess: Record<string, number> = {};
  const byDistrict: Record<string, number> = {};
  const byCertification: Record<string, number> = {};
  const bySizeBand = Object.fromEntries(SIZE_BANDS.map((b) => [b, 0])) as Record<SizeBand, number>;
  for (const f of domestic) {
    for (const s of f.sectors) tally(bySector, s);
    for (const p of f.processes) tally(byProcess, p);
    if (f.district) tally(byDistrict, f.district);
    for (const code of new Set(f.certifications.filter((c) => isValidOn(c, today)).map((c) => c.code))) tally(byCertification, code);
    bySizeBand[f.sizeBand]++;
  }
  const byCountry: Record<string, number> = {};
  for (const f of foreign) tally(byCountry, f.country);
  return {
    firms: domestic.length,
    foreignPartners: foreign.length,
    bySector: ordered(bySector),
    byProcess: ordered(byProcess),
    byDistrict: ordered(byDistrict),
    byCertification: ordered(byCertification),
    bySizeBand,
    foreignPartnersByCountry: ordered(byCountry),
    years: countYears(firms, events, held, new Set(standards)),
  };
}

function countYears(firms: PublicFirm[], events: EventSource[], held: HeldMeetingSource[], standards: Set<string>): YearFigures[] {
  const eventsByYear = new Map<number, EventSource[]>();
  for (const e of events) {
    const year = eventYear(e);
    if (year !== null) eventsByYear.set(year, [...(eventsByYear.get(year) ?? []), e]);
  }
  const yearOfEvent = new Map([...eventsByYear].flatMap(([year, list]) => list.map((e) => [e.id, year] as const)));
  const isPublic = new Set(firms.map((f) => f.id));
  const meetings = new Map<number, number>();
  for (const m of held) {
    const year = yearOfEvent.get(m.fairId);
    if (year !== undefined && m.parties.every((p) => isPublic.has(p))) meetings.set(year, (meetings.get(year) ?? 0) + 1);
  }
  return [...eventsByYear.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const lastDay = eventsByYear
        .get(year)!
        .flatMap((e) => e.days)
        .sort()
        .at(-1)!;
      const taking = firms.filter((f) => f.years.includes(year));
      const domestic = taking.filter((f) => f.kind === "domestic");
      const certified = domestic.filter((f) => f.certifications.some((c) => standards.has(c.code) && isValidOn(c, lastDay)));
      return {
        year,
        events: eventsByYear.get(year)!.length,
        firms: domestic.length,
        newFirms: domestic.filter((f) => f.years[0] === year).length,
        certifiedFirms: certified.length,
        foreignPartners: taking.length - domestic.length,
        meetingsHeld: meetings.get(year) ?? 0,
      };
    });
}
