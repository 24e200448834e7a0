import { z } from "zod";
import { LocalizedTextSchema } from "./taxonomy";

export const FAIR_SESSION_KINDS = ["ceremony", "seminar", "presentation", "matchmaking"] as const;

export const FairSessionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(FAIR_SESSION_KINDS),
  title: LocalizedTextSchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  room: z.string(),
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
