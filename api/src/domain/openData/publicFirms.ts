import { sizeBand, type SizeBand } from "./sizeBands";
import { eventYear } from "../eventYear";

/** A firm as stored, the fields open data may read (never its people, contacts or tax code). */
export interface FirmSource {
  id: string;
  kind: "domestic" | "foreign";
  legalName: string;
  englishName?: string | null;
  country: string;
  district?: string | null;
  sectors: string[];
  processes: { code: string }[];
  certifications: { code: string; validUntil?: Date | null }[];
  employees?: number | null;
  listed: boolean;
  status?: "pending" | "approved" | null;
}
/** An event of the programme (a fair, an online week, a delegation, a mission) and its local days. */
export interface EventSource {
  id: string;
  days: string[];
}
export interface ParticipationSource {
  fairId: string;
  companyId: string;
  status: "pending" | "approved";
}

/** A firm as the public CNHT data shows it: its business profile, nothing about people. */
export interface PublicFirm {
  id: string;
  kind: "domestic" | "foreign";
  legalName: string;
  englishName?: string;
  country: string;
  district?: string;
  sectors: string[];
  processes: string[];
  /** Every certification the firm lists, with the last day it is valid (YYYY-MM-DD) when it gave one. */
  certifications: { code: string; validUntil?: string }[];
  sizeBand: SizeBand;
  /** The years of the events it took part in (approved), ascending. */
  years: number[];
}

// One collator (localeCompare with a locale builds one per call: seconds over thousands of firms).
const BY_NAME = new Intl.Collator("vi");

/**
 * Consent governs: a firm is public when its owner consents to listing (`listed`), it is approved,
 * and it took part (an approved registration) in at least one event. A firm awaiting approval, one
 * that did not consent and one only registered (pending) are nowhere in the public data.
 */
export function publicFirms(firms: FirmSource[], events: EventSource[], participations: ParticipationSource[]): PublicFirm[] {
  const yearOf = new Map(events.flatMap((e) => (eventYear(e) === null ? [] : [[e.id, eventYear(e)!] as const])));
  const years = new Map<string, Set<number>>();
  for (const p of participations) {
    const year = yearOf.get(p.fairId);
    if (p.status !== "approved" || year === undefined) continue;
    const set = years.get(p.companyId) ?? new Set<number>();
    years.set(p.companyId, set.add(year));
  }
  return firms
    .filter((f) => f.listed && (f.status ?? "approved") === "approved" && years.has(f.id))
    .map((f) => ({
      id: f.id,
      kind: f.kind,
      legalName: f.legalName,
      ...(f.englishName ? { englishName: f.englishName } : {}),
      country: f.country,
      ...(f.district ? { district: f.district } : {}),
      sectors: [...new Set(f.sectors)],
      processes: [...new Set(f.processes.map((p) => p.code))],
      certifications: f.certifications.map((c) => ({
        code: c.code,
        ...(c.validUntil ? { validUntil: c.validUntil.toISOString().slice(0, 10) } : {}),
      })),
      sizeBand: sizeBand(f.employees),
      years: [...years.get(f.id)!].sort((a, b) => a - b),
    }))
    .sort((a, b) => BY_NAME.compare(a.legalName, b.legalName) || (a.id < b.id ? -1 : 1));
}
