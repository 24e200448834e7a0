import { z } from "zod";
import { EVENT_KINDS } from "./company";
import { LocalizedTextSchema } from "./taxonomy";
import { MEETING_OUTCOMES } from "./meeting";

/**
 * The city's programme over a year: the targets of Plan 35/KH-UBND (supporting industries) and Plan
 * 267/KH-UBND (key industrial products) that the Department of Industry and Trade reports against to
 * the People's Committee, and the progress counted across every event of the year.
 */

/** The year a programme report covers (in the path: /api/programme/:year/...). */
export const ProgrammeYearSchema = z.coerce.number().int().min(2000).max(2100);
export const ProgrammeParamsSchema = z.strictObject({ year: ProgrammeYearSchema });

/** A target as the plans word it: "about 920" is 920-920, "30-40" is 30-40. Progress is measured against the low end. */
export const TargetRangeSchema = z
  .strictObject({ min: z.number().int().min(0).max(100_000), max: z.number().int().min(0).max(100_000) })
  .refine((r) => r.min <= r.max, { path: ["max"], message: "max < min" });
export type TargetRange = z.infer<typeof TargetRangeSchema>;

/** What the targets measure, in the order reports list them. */
export const PROGRAMME_MEASURES = ["domesticFirms", "certifiedFirms", "technologyMakers", "missionFirms", "keyProductFirms", "keyProducts"] as const;
export type ProgrammeMeasure = (typeof PROGRAMME_MEASURES)[number];

/** PUT /api/programme/:year/targets: one range per measure. */
export const ProgrammeTargetsBodySchema = z.strictObject({
  /** Plan 35: about 920 supporting-industry (CNHT) firms of Hanoi. */
  domesticFirms: TargetRangeSchema,
  /** Plan 35: about 300 of them whose production systems and products meet international standards. */
  certifiedFirms: TargetRangeSchema,
  /** Plan 267: invite 30-40 technology and equipment makers from the US, the EU, Japan and Korea. */
  technologyMakers: TargetRangeSchema,
  /** Plan 267: take 15-20 firms abroad to meet makers of modern technology and equipment. */
  missionFirms: TargetRangeSchema,
  /** Plan 267: 20-25 firms with key industrial products recognised in the year... */
  keyProductFirms: TargetRangeSchema,
  /** ...and 30-35 such products. */
  keyProducts: TargetRangeSchema,
});
export type ProgrammeTargetsBody = z.infer<typeof ProgrammeTargetsBodySchema>;

/** The plans' own figures: what a year's targets are until organisers enter others. */
export const PLAN_DEFAULT_TARGETS: ProgrammeTargetsBody = {
  domesticFirms: { min: 920, max: 920 },
  certifiedFirms: { min: 300, max: 300 },
  technologyMakers: { min: 30, max: 40 },
  missionFirms: { min: 15, max: 20 },
  keyProductFirms: { min: 20, max: 25 },
  keyProducts: { min: 30, max: 35 },
};

/** GET /api/programme/:year/targets: the year's targets, and whether organisers entered them (else the plans' defaults). */
export const ProgrammeTargetsSchema = z.object({
  year: z.number().int(),
  targets: ProgrammeTargetsBodySchema,
  entered: z.boolean(),
  updatedAt: z.iso.datetime().optional(),
});
export type ProgrammeTargets = z.infer<typeof ProgrammeTargetsSchema>;

/** One event of the year, as the report's table lists it. */
export const ProgrammeEventRowSchema = z.object({
  slug: z.string(),
  name: LocalizedTextSchema,
  kind: z.enum(EVENT_KINDS),
  days: z.array(z.iso.date()),
  timeZone: z.string(),
  /** Firms approved for it (Hanoi and foreign). */
  firms: z.number().int(),
  domesticFirms: z.number().int(),
  foreignFirms: z.number().int(),
  meetingsHeld: z.number().int(),
  /** Outcomes the parties recorded, per outcome (each side's record counts). */
  outcomes: z.record(z.enum(MEETING_OUTCOMES), z.number().int()),
});
export type ProgrammeEventRow = z.infer<typeof ProgrammeEventRowSchema>;

/** GET /api/programme/:year/progress: the targets, the counts across the year's events, and each event. */
export const ProgrammeProgressSchema = ProgrammeTargetsSchema.extend({
  progress: z.object(Object.fromEntries(PROGRAMME_MEASURES.map((m) => [m, z.number().int()])) as Record<ProgrammeMeasure, z.ZodNumber>),
  events: z.array(ProgrammeEventRowSchema),
  /** What "international standards" and "technology makers" count (certification codes, countries). */
  standards: z.array(z.string()),
  makerCountries: z.array(z.string()),
});
export type ProgrammeProgress = z.infer<typeof ProgrammeProgressSchema>;
