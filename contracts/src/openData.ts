import { z } from "zod";

/** Firm size by employees (Decree 80/2021/ND-CP, industry and construction): the public data's bands. */
export const SIZE_BANDS = ["micro", "small", "medium", "large", "unknown"] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

const counts = z.record(z.string(), z.number().int().min(0));

/** One year of the programme (events by their first day's year). */
export const OpenDataYearSchema = z.object({
  year: z.number().int(),
  events: z.number().int().min(0),
  firms: z.number().int().min(0),
  newFirms: z.number().int().min(0),
  certifiedFirms: z.number().int().min(0),
  foreignPartners: z.number().int().min(0),
  meetingsHeld: z.number().int().min(0),
});
export type OpenDataYear = z.infer<typeof OpenDataYearSchema>;

/** GET /api/open-data/statistics: the public CNHT statistics (consenting firms only). */
export const OpenDataStatisticsSchema = z.object({
  licence: z.object({ name: z.string(), url: z.string() }),
  readAt: z.string(),
  firms: z.number().int().min(0),
  foreignPartners: z.number().int().min(0),
  bySector: counts,
  byProcess: counts,
  byDistrict: counts,
  byCertification: counts,
  bySizeBand: z.record(z.enum(SIZE_BANDS), z.number().int().min(0)),
  foreignPartnersByCountry: counts,
  years: z.array(OpenDataYearSchema),
});
export type OpenDataStatisticsView = z.infer<typeof OpenDataStatisticsSchema>;

/** GET /api/open-data/dictionary.json: the files, their fields and measures, in the reader's language. */
export const OpenDataDictionarySchema = z.object({
  title: z.string(),
  language: z.string(),
  publisher: z.string(),
  licence: z.object({ name: z.string(), url: z.string(), attribution: z.string() }),
  consent: z.string(),
  codes: z.string(),
  taxonomy: z.string(),
  csv: z.string(),
  files: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      downloads: z.array(z.string()),
      fields: z.array(z.object({ csv: z.string(), json: z.string().nullable(), type: z.string(), description: z.string() })),
      measures: z.array(z.object({ csv: z.string(), json: z.string(), description: z.string() })).optional(),
    }),
  ),
  sizeBands: z.array(z.object({ band: z.enum(SIZE_BANDS), label: z.string() })),
});
export type OpenDataDictionary = z.infer<typeof OpenDataDictionarySchema>;
