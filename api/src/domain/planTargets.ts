import type { CompanyProfile } from "@ketnoi/contracts";

/**
 * The certifications that count as "meeting international standards" for Plan 35/KH-UBND's target
 * of about 300 Hanoi supporting-industry firms whose production systems and products meet
 * international standards and can supply multinationals' global chains. One list, here.
 */
export const INTERNATIONAL_STANDARDS: readonly string[] = [
  // Quality management systems: the baseline every global buyer asks for.
  "cert.iso9001",
  // Environmental management systems: multinationals require it of their suppliers.
  "cert.iso14001",
  // Occupational health and safety management systems: audited by the same buyers.
  "cert.iso45001",
  // The automotive industry's quality standard (ISO 9001 plus the carmakers' rules): what supplying
  // car and motorbike chains takes.
  "cert.iatf16949",
  // Quality management for medical devices and their parts.
  "cert.iso13485",
  // The aerospace and defence industry's quality standard (IAQG), built on ISO 9001.
  "cert.as9100",
];
const STANDARDS = new Set(INTERNATIONAL_STANDARDS);
// Not counted, though firms list them: RoHS and REACH are EU regulations on substances and CE is the
// EU's conformity marking (rules of one market, not standards of a production system); JIS and KS
// are Japan's and Korea's national standards.

/**
 * Plan 267/KH-UBND: "invite 30-40 technology and equipment makers from the US, EU, Japan and Korea".
 * The US, Japan, Korea and the 27 EU member states (Taiwan, though its vendors come, is not named).
 */
export const TECHNOLOGY_MAKER_COUNTRIES: readonly string[] = [
  "US",
  "JP",
  "KR",
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
];
const MAKER_COUNTRIES = new Set(TECHNOLOGY_MAKER_COUNTRIES);

export type TargetFirm = Pick<CompanyProfile, "kind" | "country" | "certifications" | "offers"> & { status?: "pending" | "approved" };

export interface PlanTargetCounts {
  /** Approved Hanoi (domestic) firms taking part. */
  domesticFirms: number;
  /** Of them, those holding at least one international standard valid through the fair. */
  certifiedFirms: number;
  /** Approved foreign firms from the US, the EU, Japan or Korea that offer technology or equipment (buyers are not makers). */
  technologyMakers: number;
}

/**
 * What the plans' targets count, over a fair's firms. A certification is valid when it runs at least
 * to the fair's last day, as matching counts it; a firm awaiting approval does not take part yet.
 */
export function countPlanTargets(firms: TargetFirm[], lastDay: Date): PlanTargetCounts {
  const approved = firms.filter((f) => f.status !== "pending");
  const domestic = approved.filter((f) => f.kind === "domestic");
  return {
    domesticFirms: domestic.length,
    certifiedFirms: domestic.filter((f) => holdsInternationalStandard(f, lastDay)).length,
    technologyMakers: approved.filter(isTechnologyMaker).length,
  };
}

/** Whether a firm holds at least one international standard valid on that day (a certificate without an end date is valid). */
export const holdsInternationalStandard = (f: Pick<TargetFirm, "certifications">, day: Date) =>
  f.certifications.some((c) => STANDARDS.has(c.code) && (!c.validUntil || c.validUntil >= day));

/** A foreign firm from the US, the EU, Japan or Korea that offers technology or equipment (a buyer offers none: not a maker). */
export const isTechnologyMaker = (f: Pick<TargetFirm, "kind" | "country" | "offers">) =>
  f.kind === "foreign" && MAKER_COUNTRIES.has(f.country) && f.offers.length > 0;
