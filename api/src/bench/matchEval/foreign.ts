import type { Locale } from "@ketnoi/contracts";
import type { Random } from "../../domain/random";
import { BUYER_KEYWORDS, OFFER_KEYWORDS } from "../../seed/data/foreign";
import type { MatchParticipant } from "../../domain/matching/participant";
import { textAbout } from "./texts";

/** Where the fair's foreign parties come from (Plan 267: Japan, Korea, Taiwan, the EU). */
const ORIGINS = [
  { country: "JP", timeZone: "Asia/Tokyo", language: "ja", share: 0.35 },
  { country: "KR", timeZone: "Asia/Seoul", language: "ko", share: 0.25 },
  { country: "TW", timeZone: "Asia/Taipei", language: "zh-Hant", share: 0.15 },
  { country: "DE", timeZone: "Europe/Berlin", language: "de", share: 0.1 },
  { country: "IT", timeZone: "Europe/Rome", language: "it", share: 0.05 },
  { country: "FR", timeZone: "Europe/Paris", language: "fr", share: 0.04 },
  { country: "NL", timeZone: "Europe/Amsterdam", language: "nl", share: 0.03 },
  { country: "CZ", timeZone: "Europe/Prague", language: "cs", share: 0.03 },
] as const;
export type Origin = (typeof ORIGINS)[number];

export function pickOrigin(random: Random): Origin {
  let x = random.next();
  for (const o of ORIGINS) if ((x -= o.share) < 0) return o;
  return ORIGINS[0];
}

/** Asian firms write in their own language more often than not; European ones in English. */
export function foreignLocale(origin: Origin, random: Random): Locale {
  return (origin.language === "ja" || origin.language === "ko" || origin.language === "zh-Hant") && random.chance(0.6) ? origin.language : "en";
}

/** The vendors' offer families (what one maker sells together) and the buyers' sourcing profiles, from the demo fair's vocabulary. */
export const OFFER_FAMILIES = OFFER_KEYWORDS.map(([, codes, sector]) => ({ codes, sector }));
const BUYER_PROFILES = BUYER_KEYWORDS.map(([, profile]) => profile);

export function foreignBase(random: Random, id: string, origin: Origin): Omit<MatchParticipant, "offers" | "requirements" | "sectors"> {
  return {
    id,
    name: `${origin.country} party ${id}`,
    kind: "foreign",
    country: origin.country,
    timeZone: origin.timeZone,
    participation: random.chance(0.4) ? "remote" : "onsite",
    processes: [],
    certifications: [],
    needs: [],
    languages: [origin.language, ...(random.chance(0.75) ? ["en"] : [])],
    booth: { highlights: [], staffLanguages: ["en", ...(random.chance(0.1) ? ["vi"] : [])] },
  };
}

/** A technology vendor offering one family of equipment. */
export function baseVendor(random: Random, id: string, locale: (o: Origin) => Locale): MatchParticipant {
  const origin = pickOrigin(random);
  const family = random.pick(OFFER_FAMILIES);
  const writes = locale(origin);
  return {
    ...foreignBase(random, id, origin),
    sectors: [family.sector],
    offers: family.codes.map((code) => ({ code, text: textAbout("offer", code, writes) })),
    requirements: [],
  };
}

/** An FDI buyer sourcing parts in Hanoi; a third of them state their requirements as preferences only. */
export function baseBuyer(random: Random, id: string, locale: (o: Origin) => Locale): MatchParticipant {
  const origin = pickOrigin(random);
  const profile = random.pick(BUYER_PROFILES);
  const writes = locale(origin);
  return {
    ...foreignBase(random, id, origin),
    sectors: [profile.sector],
    offers: [],
    requirements: [
      {
        processes: profile.processes,
        materials: profile.materials,
        certifications: profile.certifications,
        minMonthlyCapacity: random.pick([10_000, 50_000]),
        mandatory: random.chance(0.67),
        text: textAbout("requirement", profile.processes[0]!, writes),
      },
    ],
  };
}
