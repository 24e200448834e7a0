import { z } from "zod";
import { isTimeZone } from "@ketnoi/contracts";

/**
 * The scheduling file format, version 1 (../shared/formats/schedule-instance.md), with optional
 * fields added since (a file without them reads and means what it did):
 * - `interpreterMaxRun`: the most meetings an interpreter takes back to back (slots that follow one
 *   another without a gap on one day); absent, no limit;
 * - `interpreters[].busy`: slots the interpreter already works in (meetings booked before the plan):
 *   not free for the plan, but counted in its runs;
 * - `assignments[].table`: the table (1..onsiteTables) of an onsite meeting, when the plan names one;
 * - `timeZone`: the fair's IANA zone, in which slots fall into days (breaks, interpreters' runs);
 *   absent, Asia/Ho_Chi_Minh, the zone version 1 names.
 */
const id = z.string().min(1).max(200);
export const InstanceSchema = z.object({
  version: z.literal(1),
  timeZone: z.string().refine(isTimeZone, "not an IANA time zone (such as Asia/Tokyo)").optional(),
  slots: z.array(z.object({ id, start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })).min(1),
  onsiteTables: z.number().int().min(0),
  onlineRooms: z.number().int().min(0),
  interpreterMaxRun: z.number().int().min(1).optional(),
  interpreters: z.array(z.object({ id, languages: z.array(z.string()), available: z.array(id), busy: z.array(id).optional() })).default([]),
  participants: z.array(z.object({ id, available: z.array(id), onsite: z.boolean(), maxMeetings: z.number().int().min(0).optional() })),
  meetings: z.array(
    z.object({
      id,
      a: id,
      b: id,
      value: z.number().positive(),
      mode: z.enum(["onsite", "online", "either"]),
      languages: z.tuple([z.string(), z.string()]).nullable().optional(),
      slots: z.array(id).optional(),
    }),
  ),
});
export type Instance = z.infer<typeof InstanceSchema>;

export const SolutionSchema = z.object({
  version: z.literal(1),
  assignments: z.array(
    z.object({
      meeting: id,
      slot: id,
      mode: z.enum(["onsite", "online"]),
      interpreter: id.nullable().optional(),
      table: z.number().int().min(1).optional(),
    }),
  ),
  unscheduled: z.array(id),
  value: z.number(),
  upperBound: z.number(),
});
export type Solution = z.infer<typeof SolutionSchema>;
export type Assignment = Solution["assignments"][number];
