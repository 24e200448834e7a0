import { z } from "zod";
import { CompanyProfileSchema, spokenLanguage } from "@ketnoi/contracts";
import { hoursIn, type Interval } from "./availability";

/**
 * What the matcher reads of a company: its profile's structured fields plus an id. A stored
 * CompanyProfile with `id` added fits as it is; free text (need, offer and requirement texts, the
 * description) is accepted and deliberately not read, so the language a firm types in never
 * changes its matches.
 */
export const MatchParticipantSchema = CompanyProfileSchema.pick({
  kind: true,
  country: true,
  timeZone: true,
  participation: true,
  sectors: true,
  processes: true,
  certifications: true,
  needs: true,
  offers: true,
  requirements: true,
  languages: true,
  description: true,
  booth: true,
}).extend({ id: z.string().min(1).max(200), name: z.string().max(200).optional() });
export type MatchParticipant = z.infer<typeof MatchParticipantSchema>;

/** Weight of a need by its priority: 1 is the most pressing. */
const NEED_WEIGHT: Record<number, number> = { 1: 1, 2: 0.8, 3: 0.6 };

/** A participant reduced to what scoring reads, computed once per profile version. */
export interface Features {
  id: string;
  kind: "domestic" | "foreign";
  country: string;
  timeZone: string;
  remote: boolean;
  sectors: readonly string[];
  /** Technology and transfer needs: met by offers. */
  needs: readonly { codes: readonly string[]; weight: number }[];
  /** Codes of "buyer" needs (sectors or processes it wants buyers for). */
  buyerNeeds: readonly string[];
  offers: readonly string[];
  processes: readonly { code: string; materials: readonly string[]; capacity: number | undefined }[];
  /** Certifications still valid on the fair's last day. */
  certifications: ReadonlySet<string>;
  /** Requirements naming processes or materials (a requirement naming neither matches nobody). */
  requirements: readonly {
    processes: readonly string[];
    materials: readonly string[];
    certifications: readonly string[];
    minMonthlyCapacity: number | undefined;
    mandatory: boolean;
  }[];
  /** Base language subtags ("zh-Hant" -> "zh"), booth staff included. */
  languages: readonly string[];
  windows: readonly Interval[];
  /** Hours a day it can meet in (the fair's hours, cut to its own working day if remote). */
  hoursPerDay: number;
}

export interface FairFacts {
  days: number;
  /** Certifications must still be valid on this day (the fair's last). */
  lastDay: Date;
  windowsOf: (p: MatchParticipant) => readonly Interval[];
}

export function toFeatures(p: MatchParticipant, fair: FairFacts): Features {
  const windows = fair.windowsOf(p);
  const languages = new Set([...p.languages, ...(p.booth?.staffLanguages ?? [])].map(spokenLanguage));
  return {
    id: p.id,
    kind: p.kind,
    country: p.country,
    timeZone: p.timeZone,
    remote: p.participation === "remote",
    sectors: p.sectors,
    needs: p.needs.filter((n) => n.kind !== "buyer").map((n) => ({ codes: n.codes, weight: NEED_WEIGHT[n.priority] ?? NEED_WEIGHT[2]! })),
    buyerNeeds: p.needs.filter((n) => n.kind === "buyer").flatMap((n) => n.codes),
    offers: p.offers.map((o) => o.code),
    processes: p.processes.map((x) => ({ code: x.code, materials: x.materials, capacity: x.monthlyCapacity })),
    certifications: new Set(p.certifications.filter((c) => !c.validUntil || c.validUntil >= fair.lastDay).map((c) => c.code)),
    requirements: p.requirements
      .filter((r) => r.processes.length || r.materials.length)
      .map((r) => ({
        processes: r.processes,
        materials: r.materials,
        certifications: r.certifications,
        minMonthlyCapacity: r.minMonthlyCapacity,
        mandatory: r.mandatory,
      })),
    languages: [...languages].sort(),
    windows,
    hoursPerDay: hoursIn(windows) / Math.max(1, fair.days),
  };
}
