import { normalizeSearchText, type Locale } from "@ketnoi/contracts";
import { t, type MessageKey } from "../i18n";
import { stringifyForSpreadsheet } from "../domain/csvCells";
import type { PublicFirm } from "../domain/openData/publicFirms";
import type { OpenDataStatistics } from "../domain/openData/statistics";
import type { SizeBand } from "../domain/openData/sizeBands";

/**
 * The licence of the public data: Creative Commons Attribution 4.0. Anyone may copy, reuse and
 * build on the data, commercially too, as long as they credit the source: what Vietnam's rules for
 * state agencies' open data ask (free use, the source cited), in a licence that data portals and
 * foreign partners already know. README, "The CNHT data website", says why.
 */
export const OPEN_DATA_LICENCE = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" } as const;

export const SIZE_LABEL: Record<SizeBand, MessageKey> = {
  micro: "openData:size.micro",
  small: "openData:size.small",
  medium: "openData:size.medium",
  large: "openData:size.large",
  unknown: "openData:size.unknown",
};

/** A firm page's path: a readable slug from its name (Latin letters and digits), then its id, which alone identifies it. */
export function firmPath(f: Pick<PublicFirm, "id" | "legalName" | "englishName">): string {
  const words = normalizeSearchText(f.englishName ?? f.legalName)
    .replace(/[^a-z0-9 ]+/g, "")
    .trim()
    .split(/ +/)
    .filter(Boolean)
    .slice(0, 8)
    .join("-");
  return `/cnht/firms/${words ? `${words}-` : ""}${f.id}`;
}

/** The public firms as the JSON download: the licence and the dictionary's address first. */
export function presentFirmsJson(firms: PublicFirm[], readAt: string, origin: string) {
  return {
    licence: OPEN_DATA_LICENCE,
    dictionary: `${origin}/api/open-data/dictionary.json`,
    readAt,
    firms: firms.map((f) => ({
      id: f.id,
      legalName: f.legalName,
      englishName: f.englishName ?? null,
      kind: f.kind,
      country: f.country,
      district: f.district ?? null,
      sectors: f.sectors,
      processes: f.processes,
      certifications: f.certifications.map((c) => ({ code: c.code, validUntil: c.validUntil ?? null })),
      sizeBand: f.sizeBand,
      years: f.years,
      page: `${origin}${firmPath(f)}`,
    })),
  };
}

/** The CSV download: the JSON's fields in the same order, lists joined with ";". */
export const FIRM_COLUMNS = [
  "id",
  "legal_name",
  "english_name",
  "kind",
  "country",
  "district",
  "sectors",
  "processes",
  "certifications",
  "size_band",
  "years",
  "page",
] as const;

export function presentFirmsCsv(firms: PublicFirm[], origin: string): string {
  const rows = firms.map((f) => ({
    id: f.id,
    legal_name: f.legalName,
    english_name: f.englishName ?? "",
    kind: f.kind,
    country: f.country,
    district: f.district ?? "",
    sectors: f.sectors.join(";"),
    processes: f.processes.join(";"),
    certifications: f.certifications.map((c) => (c.validUntil ? `${c.code}:${c.validUntil}` : c.code)).join(";"),
    size_band: f.sizeBand,
    years: f.years.join(";"),
    page: `${origin}${firmPath(f)}`,
  }));
  return stringifyForSpreadsheet(rows, { header: true, columns: [...FIRM_COLUMNS], bom: true });
}

/** The statistics in long form: one figure per row (measure, key, value), the measures the dictionary names. */
export function presentStatisticsCsv(s: OpenDataStatistics): string {
  const rows: { measure: string; key: string; value: number }[] = [
    { measure: "firms", key: "", value: s.firms },
    { measure: "foreign_partners", key: "", value: s.foreignPartners },
  ];
  const table = (measure: string, counts: Record<string, number>) => {
    for (const [key, value] of Object.entries(counts)) rows.push({ measure, key, value });
  };
  table("firms_by_sector", s.bySector);
  table("firms_by_process", s.byProcess);
  table("firms_by_district", s.byDistrict);
  table("firms_by_certification", s.byCertification);
  table("firms_by_size_band", s.bySizeBand);
  table("foreign_partners_by_country", s.foreignPartnersByCountry);
  for (const y of s.years) {
    const key = String(y.year);
    rows.push(
      { measure: "year_events", key, value: y.events },
      { measure: "year_firms", key, value: y.firms },
      { measure: "year_new_firms", key, value: y.newFirms },
      { measure: "year_certified_firms", key, value: y.certifiedFirms },
      { measure: "year_foreign_partners", key, value: y.foreignPartners },
      { measure: "year_meetings_held", key, value: y.meetingsHeld },
    );
  }
  return stringifyForSpreadsheet(rows, { header: true, columns: ["measure", "key", "value"], bom: true });
}

type Field = [csv: string, json: string, type: string, description: MessageKey];
const FIRM_FIELDS: Field[] = [
  ["id", "id", "string", "openData:field.id"],
  ["legal_name", "legalName", "string", "openData:field.legalName"],
  ["english_name", "englishName", "string | null", "openData:field.englishName"],
  ["kind", "kind", "domestic | foreign", "openData:field.kind"],
  ["country", "country", "string (ISO 3166-1 alpha-2)", "openData:field.country"],
  ["district", "district", "string | null", "openData:field.district"],
  ["sectors", "sectors", "string[] (taxonomy codes)", "openData:field.sectors"],
  ["processes", "processes", "string[] (taxonomy codes)", "openData:field.processes"],
  ["certifications", "certifications", "{ code, validUntil: YYYY-MM-DD | null }[]", "openData:field.certifications"],
  ["size_band", "sizeBand", "micro | small | medium | large | unknown", "openData:field.sizeBand"],
  ["years", "years", "number[]", "openData:field.years"],
  ["page", "page", "URL", "openData:field.page"],
];
const MEASURES: [csv: string, json: string, description: MessageKey][] = [
  ["firms", "firms", "openData:measure.firms"],
  ["foreign_partners", "foreignPartners", "openData:measure.foreignPartners"],
  ["firms_by_sector", "bySector", "openData:measure.bySector"],
  ["firms_by_process", "byProcess", "openData:measure.byProcess"],
  ["firms_by_district", "byDistrict", "openData:measure.byDistrict"],
  ["firms_by_certification", "byCertification", "openData:measure.byCertification"],
  ["firms_by_size_band", "bySizeBand", "openData:measure.bySizeBand"],
  ["foreign_partners_by_country", "foreignPartnersByCountry", "openData:measure.foreignPartnersByCountry"],
  ["year_events", "years[].events", "openData:measure.yearEvents"],
  ["year_firms", "years[].firms", "openData:measure.yearFirms"],
  ["year_new_firms", "years[].newFirms", "openData:measure.yearNewFirms"],
  ["year_certified_firms", "years[].certifiedFirms", "openData:measure.yearCertifiedFirms"],
  ["year_foreign_partners", "years[].foreignPartners", "openData:measure.yearForeignPartners"],
  ["year_meetings_held", "years[].meetingsHeld", "openData:measure.yearMeetingsHeld"],
];

/** The data dictionary in the reader's language: the licence, who is in the data, every file and field. */
export function presentDictionary(locale: Locale, origin: string) {
  const file = (path: string) => `${origin}/api/open-data/${path}`;
  return {
    title: t(locale, "openData:dictionary.title"),
    language: locale,
    publisher: t(locale, "openData:dictionary.publisher"),
    licence: { ...OPEN_DATA_LICENCE, attribution: t(locale, "openData:dictionary.attribution") },
    consent: t(locale, "openData:dictionary.consent"),
    codes: t(locale, "openData:dictionary.codes"),
    taxonomy: `${origin}/api/taxonomy`,
    csv: t(locale, "openData:dictionary.csvNote"),
    files: [
      {
        name: "firms",
        description: t(locale, "openData:dictionary.file.firms"),
        downloads: [file("firms.csv"), file("firms.json")],
        fields: FIRM_FIELDS.map(([csv, json, type, description]) => ({ csv, json, type, description: t(locale, description) })),
      },
      {
        name: "statistics",
        description: t(locale, "openData:dictionary.file.statistics"),
        downloads: [file("statistics.csv"), file("statistics")],
        fields: (
          [
            ["measure", "openData:field.measure"],
            ["key", "openData:field.key"],
            ["value", "openData:field.value"],
          ] as const
        ).map(([csv, description]) => ({ csv, json: null, type: csv === "value" ? "number" : "string", description: t(locale, description) })),
        measures: MEASURES.map(([csv, json, description]) => ({ csv, json, description: t(locale, description) })),
      },
    ],
    sizeBands: (Object.keys(SIZE_LABEL) as SizeBand[]).map((band) => ({ band, label: t(locale, SIZE_LABEL[band]) })),
  };
}
