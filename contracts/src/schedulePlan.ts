import { z } from "zod";

const company = z.object({ id: z.string(), name: z.string() });
const slot = z.object({ id: z.string(), start: z.iso.datetime(), end: z.iso.datetime() });
export const PLAN_MEETING_KINDS = ["booked", "request", "proposal"] as const;
export const UNSCHEDULED_REASON_CODES = ["noCommonSlot", "noInterpreter", "participantsBusy", "noCapacity"] as const;

export const RunSchedulerBodySchema = z.strictObject({
  /** How long the solver may search (the plan comes back within it). */
  timeLimitSeconds: z.number().min(0.2).max(60).default(5),
  /** Add the matching service's top proposals for each company, not only requests. */
  proposalsPerCompany: z.number().int().min(0).max(10).default(0),
  /** The most meetings any one company gets in the whole fair (none when absent). */
  maxMeetingsPerCompany: z.number().int().min(1).max(100).optional(),
});
export const AdjustPlanBodySchema = z.strictObject({ slot: z.string().regex(/^d\d{1,2}s\d{2,3}$/, "not a slot id").nullable() });

/** A run of the auto-scheduler as the organiser reviews it: how good, and every meeting's place or why not. */
export const SchedulePlanViewSchema = z.object({
  id: z.string(),
  status: z.enum(["draft", "published"]),
  createdAt: z.iso.datetime(),
  value: z.number(),
  upperBound: z.number(),
  /** value / upperBound: how close to the best possible the plan is proven to be. */
  ratio: z.number(),
  breaks: z.number().int(),
  firstFit: z.object({ value: z.number(), breaks: z.number().int() }),
  assignments: z.array(
    z.object({ meeting: z.string(), kind: z.enum(PLAN_MEETING_KINDS), a: company, b: company, value: z.number(), slot, mode: z.enum(["onsite", "online"]), interpreter: company.optional() }),
  ),
  unscheduled: z.array(z.object({ meeting: z.string(), kind: z.enum(PLAN_MEETING_KINDS), a: company, b: company, value: z.number(), reason: z.enum(UNSCHEDULED_REASON_CODES) })),
  publishedAt: z.iso.datetime().optional(),
  publishResult: z.object({ booked: z.number().int(), conflicts: z.array(z.object({ meeting: z.string(), reason: z.string() })) }).optional(),
});
export type SchedulePlanView = z.infer<typeof SchedulePlanViewSchema>;
