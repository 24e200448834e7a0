import { z } from "zod";
import { LOCALES } from "./locales";
import { ObjectIdSchema } from "./objectId";
import { LocalizedTextSchema } from "./taxonomy";

export const FAIR_SESSION_KINDS = ["ceremony", "seminar", "presentation", "matchmaking"] as const;

export const FairSessionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(FAIR_SESSION_KINDS),
  title: LocalizedTextSchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** The room's name per language (readers pick it with pickText, like the title). */
  room: LocalizedTextSchema,
  speakers: z.array(z.string()),
  capacity: z.number().int(),
});
export type FairSessionView = z.infer<typeof FairSessionViewSchema>;

/** What the public landing page shows of a fair. Times are UTC ISO strings. */
export const FairSummarySchema = z.object({
  slug: z.string(),
  name: LocalizedTextSchema,
  venue: LocalizedTextSchema,
  timeZone: z.string(),
  days: z.array(z.iso.date()),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  slotMinutes: z.number().int(),
  onsiteTables: z.number().int(),
  onlineRoomsPerSlot: z.number().int(),
  counts: z.object({
    domestic: z.number().int(),
    foreign: z.number().int(),
    interpreters: z.number().int(),
    byCountry: z.record(z.string(), z.number().int()),
    bySector: z.record(z.string(), z.number().int()),
  }),
  programme: z.array(FairSessionViewSchema),
});
export type FairSummary = z.infer<typeof FairSummarySchema>;

/** GET /api/fairs/current/targets: the fair's progress towards the city plans' targets (organisers). */
export const PlanTargetsSchema = z.object({
  /** Approved Hanoi firms taking part (target about 920). */
  domesticFirms: z.number().int(),
  /** Of them, those with at least one international standard valid through the fair (target about 300). */
  certifiedFirms: z.number().int(),
  /** Approved firms from the US, the EU, Japan or Korea that offer technology or equipment (target 30-40). */
  technologyMakers: z.number().int(),
  /** The certification codes counted as international standards, and the makers' countries. */
  standards: z.array(z.string()),
  makerCountries: z.array(z.string()),
});
export type PlanTargets = z.infer<typeof PlanTargetsSchema>;

/** A room's name per language, like a session's title: at least one language, 80 characters each. */
export const RoomNameSchema = z
  .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(80))
  .refine((t) => Object.keys(t).length > 0, "at least one language");

/**
 * A programme session as organisers add it (POST /api/fair-sessions; PATCH takes it `.partial()`).
 * Times carry their offset and become Dates; the client's form checks against the same schema.
 */
export const FairSessionBodySchema = z.strictObject({
  kind: z.enum(FAIR_SESSION_KINDS),
  title: LocalizedTextSchema.refine((t) => Object.keys(t).length > 0, "at least one language"),
  startsAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  endsAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  room: RoomNameSchema,
  speakers: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  capacity: z.number().int().min(1).max(10_000),
});
export type FairSessionBody = z.input<typeof FairSessionBodySchema>;

/**
 * What POST /api/fair-sessions takes (PATCH `.partial()`): the form's body, and the room also as one
 * plain string, as callers sent it before rooms were localisable (stored as the caller's language).
 */
export const FairSessionRequestSchema = FairSessionBodySchema.extend({ room: z.union([z.string().trim().min(1).max(80), RoomNameSchema]) });

const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/);
/** An interpreter as organisers keep them (POST /api/interpreters; PATCH takes it `.partial()`). */
export const InterpreterBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120),
  /** The languages the interpreter bridges, e.g. ["vi", "ja"]. */
  languages: z.array(language).min(2).max(6),
  /** Fair days (YYYY-MM-DD) the interpreter works. */
  availableDays: z.array(z.iso.date()).max(7),
  userId: ObjectIdSchema.optional(),
});
export type InterpreterBody = z.input<typeof InterpreterBodySchema>;

/** An interpreter as GET /api/interpreters lists them. */
export const InterpreterViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  languages: z.array(z.string()),
  availableDays: z.array(z.string()),
  userId: z.string().optional(),
});
export type InterpreterView = z.infer<typeof InterpreterViewSchema>;
