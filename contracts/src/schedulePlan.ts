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
  /** The most meetings an interpreter takes back to back before a pause (a slot off). */
  interpreterMaxRun: z.number().int().min(1).max(20).default(3),
  /**
   * Re-plan the booked meetings around what changed since they were booked (a firm's trip cancelled,
   * tables or slots gone, an interpreter ill): as few of them move as the plan's value allows, and
   * the draft lists what would move, be cancelled or be newly placed before anything is published.
   */
  replan: z.boolean().default(false),
  /** With replan: also book open requests (and proposals) where the change made room; off, only the booked meetings the change broke are touched. */
  placeRequests: z.boolean().default(true),
});
export const AdjustPlanBodySchema = z.strictObject({
  slot: z
    .string()
    .regex(/^d\d{1,2}s\d{2,3}$/, "not a slot id")
    .nullable(),
});

/** Interpreters in a plan: the rule on meetings back to back, how often it bit, and how far they walk between tables. */
const interpreterFigures = z.object({
  /** The most meetings in a row the plan allows an interpreter (null: no limit, a plan made before the rule). */
  maxRun: z.number().int().nullable(),
  longestRun: z.number().int(),
  /** Runs as long as maxRun allows: where the rule made the interpreter pause. */
  runsAtCap: z.number().int(),
  /** Average difference of table numbers between an interpreter's back-to-back onsite meetings (null: none). */
  averageTableDistance: z.number().nullable(),
});
/** Where a booked meeting stands now (a re-plan's starting point); its time may no longer be one of the plan's slots. */
const place = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  mode: z.enum(["onsite", "online"]),
  interpreter: company.optional(),
  table: z.number().int().optional(),
});
const placed = place.extend({ slot: z.string() });
const changedMeeting = z.object({ meeting: z.string(), a: company, b: company, from: place, to: placed });
/** What publishing a re-plan changes: only these meetings' firms (and interpreters) are told. */
const planChanges = z.object({
  /** Booked meetings that stay exactly where they are. */
  kept: z.number().int(),
  /** Booked meetings at another time, or switched between table and video. */
  moved: z.array(changedMeeting),
  /** Same time and mode, another interpreter or another table (a table gone with its zone). */
  reassigned: z.array(changedMeeting),
  /** Booked meetings the changed fair has no place for. */
  cancelled: z.array(z.object({ meeting: z.string(), a: company, b: company, from: place })),
  /** Requests (or proposals) the change made room for. */
  placed: z.array(z.object({ meeting: z.string(), kind: z.enum(PLAN_MEETING_KINDS), a: company, b: company, to: placed })),
  /** Firms and interpreters who would be told of a change. */
  peopleTold: z.number().int(),
});
export type PlanChanges = z.infer<typeof planChanges>;
/** What publishing did: meetings booked, and for a re-plan those moved and cancelled; the ones it could not do, and why. */
const publishResult = z.object({
  booked: z.number().int(),
  moved: z.number().int().optional(),
  cancelled: z.number().int().optional(),
  conflicts: z.array(z.object({ meeting: z.string(), reason: z.string() })),
});
/** A plan being published: meetings booked so far of those to book. */
const publishing = z.object({ done: z.number().int(), total: z.number().int() });

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
    z.object({
      meeting: z.string(),
      kind: z.enum(PLAN_MEETING_KINDS),
      a: company,
      b: company,
      value: z.number(),
      slot,
      mode: z.enum(["onsite", "online"]),
      interpreter: company.optional(),
      table: z.number().int().optional(),
    }),
  ),
  unscheduled: z.array(
    z.object({
      meeting: z.string(),
      kind: z.enum(PLAN_MEETING_KINDS),
      a: company,
      b: company,
      value: z.number(),
      reason: z.enum(UNSCHEDULED_REASON_CODES),
    }),
  ),
  publishedAt: z.iso.datetime().optional(),
  publishResult: publishResult.optional(),
  interpreters: interpreterFigures.optional(),
  publishing: publishing.optional(),
  /** A re-plan of booked meetings: what publishing it changes. */
  changes: planChanges.optional(),
});
export type SchedulePlanView = z.infer<typeof SchedulePlanViewSchema>;

/** What a hand move did: moved, left out, or nothing (the meeting was already there). */
export const AdjustPlanResultSchema = SchedulePlanViewSchema.extend({ change: z.enum(["moved", "unchanged", "leftOut"]) });
export type AdjustPlanResult = z.infer<typeof AdjustPlanResultSchema>;

/** One of the organiser's plans in the list: drafts and published, with their figures. */
export const SchedulePlanSummarySchema = z.object({
  id: z.string(),
  status: z.enum(["draft", "published"]),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().optional(),
  value: z.number(),
  upperBound: z.number(),
  ratio: z.number(),
  breaks: z.number().int(),
  scheduled: z.number().int(),
  unscheduled: z.number().int(),
  interpreters: interpreterFigures.optional(),
  publishResult: z
    .object({ booked: z.number().int(), moved: z.number().int().optional(), cancelled: z.number().int().optional(), conflicts: z.number().int() })
    .optional(),
  publishing: publishing.optional(),
  /** A re-plan of booked meetings (its page lists what it changes). */
  replan: z.boolean().optional(),
});
export type SchedulePlanSummary = z.infer<typeof SchedulePlanSummarySchema>;

/** Why a meeting of a plan cannot go to a slot; `party` (and `with`, whom it meets then) name the firms. */
export const SLOT_BLOCK_CODES = [
  "current",
  "booked",
  "notWished",
  "partyUnavailable",
  "partyOutsideHours",
  "partySession",
  "partyBlocked",
  "partyBusy",
  "partyCap",
  "noTable",
  "noRoom",
  "noInterpreter",
  "interpreterRun",
] as const;
export const SlotBlockSchema = z.object({ code: z.enum(SLOT_BLOCK_CODES), party: company.optional(), with: company.optional() });
export type SlotBlock = z.infer<typeof SlotBlockSchema>;

/** Every slot a plan's meeting could move to: feasible ones with the mode and interpreter it would get, the others with why not. */
export const PlanSlotOptionsSchema = z.object({
  meeting: z.string(),
  /** Its slot in the plan now (null when left out). */
  current: z.string().nullable(),
  /** The most meetings in a row the plan allows an interpreter (interpreterRun reasons), null without a limit. */
  maxRun: z.number().int().nullable(),
  slots: z.array(
    slot.extend({
      feasible: z.boolean(),
      mode: z.enum(["onsite", "online"]).optional(),
      interpreter: company.optional(),
      table: z.number().int().optional(),
      reasons: z.array(SlotBlockSchema),
    }),
  ),
});
export type PlanSlotOptions = z.infer<typeof PlanSlotOptionsSchema>;
