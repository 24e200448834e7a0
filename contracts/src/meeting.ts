import { z } from "zod";
import { ObjectIdSchema } from "./objectId";
import { pairOf } from "./pair";

/**
 * A meeting's life: requested (or countered) → booked → held / no-show; or declined, cancelled,
 * expired. Only a booked meeting holds slots, tables, rooms and interpreters.
 */
export const MEETING_STATUSES = ["requested", "countered", "booked", "held", "no_show", "declined", "cancelled", "expired"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const OPEN_STATUSES: readonly MeetingStatus[] = ["requested", "countered"];
export const MEETING_MODE_PREFERENCES = ["onsite", "online", "either"] as const;
export const MEETING_MODES = ["onsite", "online"] as const;
/**
 * A meeting's window opens this long before its slot and closes at its end: check-in at the table
 * is accepted, and video presence counts, only inside it. Joining the video room earlier is a test
 * call and records nothing (two parties trying the room days ahead must not turn it "held").
 */
export const MEETING_WINDOW_OPENS_MINUTES = 15;
export const DECLINE_REASONS = ["not_relevant", "no_time", "already_partner", "other"] as const;
/** Why the platform, not a side, cancelled a meeting: the organiser changed the fair's hours and no common free slot was left. */
export const CANCEL_REASONS = ["fair_change"] as const;
export const MEETING_OUTCOMES = ["not_relevant", "follow_up", "quotation_requested", "samples", "nda", "mou_signed"] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
/** Where a meeting came from: a request, a direct booking of a common free slot, or the organiser's plan. */
export const MEETING_SOURCES = ["request", "booking", "scheduler"] as const;
/** When in the fair's day a requester would like to meet; the auto-scheduler keeps to it. */
export const DAY_PARTS = ["any", "morning", "afternoon"] as const;

const objectId = ObjectIdSchema;
/**
 * A slot as a request names it: its start instant (ISO 8601 in UTC, as the api writes it: a slot's
 * `id`), or its label "d<day>s<n>" (day and position, e.g. "d1s03"), still accepted from API callers.
 */
export const SLOT_REF = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z|d\d{1,2}s\d{2,3})$/;
export const SlotRefSchema = z.string().regex(SLOT_REF, "not a slot");
const slotId = SlotRefSchema;

export const MeetingRequestBodySchema = z.strictObject({
  /** The company asked to meet. */
  with: objectId,
  message: z.string().trim().max(1000).default(""),
  mode: z.enum(MEETING_MODE_PREFERENCES).default("either"),
  dayPart: z.enum(DAY_PARTS).default("any"),
  /** With a slot, the meeting is booked at once in a slot both sides have free (self-service booking); without, it is a request the other side answers. */
  slot: slotId.optional(),
});
export const MeetingAcceptBodySchema = z.strictObject({ slot: slotId.optional() });
export const MeetingDeclineBodySchema = z.strictObject({ reason: z.enum(DECLINE_REASONS), note: z.string().trim().max(500).default("") });
export const MeetingCounterBodySchema = z.strictObject({ slot: slotId, message: z.string().trim().max(1000).default("") });
export const MeetingRescheduleBodySchema = z.strictObject({ slot: slotId });
export const MeetingCancelBodySchema = z.strictObject({ note: z.string().trim().max(500).default("") });
export const MeetingCheckInBodySchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "not a check-in code") });
export const MeetingOutcomeBodySchema = z.strictObject({ outcome: z.enum(MEETING_OUTCOMES), note: z.string().trim().max(1000).default("") });
export const MeetingNoShowBodySchema = z.strictObject({ absent: objectId });
/** The bodies as the api reads them (defaults applied): what the meeting commands take. */
export type MeetingRequestBody = z.output<typeof MeetingRequestBodySchema>;
export type MeetingAcceptBody = z.output<typeof MeetingAcceptBodySchema>;
export type MeetingDeclineBody = z.output<typeof MeetingDeclineBodySchema>;
export type MeetingCounterBody = z.output<typeof MeetingCounterBodySchema>;
export type MeetingRescheduleBody = z.output<typeof MeetingRescheduleBodySchema>;
export type MeetingCancelBody = z.output<typeof MeetingCancelBodySchema>;
export type MeetingCheckInBody = z.output<typeof MeetingCheckInBodySchema>;
export type MeetingOutcomeBody = z.output<typeof MeetingOutcomeBodySchema>;
export type MeetingNoShowBody = z.output<typeof MeetingNoShowBodySchema>;

const party = z.object({ companyId: z.string(), name: z.string(), country: z.string(), timeZone: z.string(), languages: z.array(z.string()) });
/** A slot: its id is its start instant (what a request sends back to name it). */
export const SlotViewSchema = z.object({ id: z.iso.datetime(), start: z.iso.datetime(), end: z.iso.datetime() });
export type SlotView = z.infer<typeof SlotViewSchema>;

/** A meeting as its parties, its interpreter and organisers see it. Times are UTC. */
export const MeetingViewSchema = z.object({
  id: z.string(),
  /** The event it is part of (EventSummary.id): a firm in two events sees whose meeting is whose. */
  eventId: z.string(),
  status: z.enum(MEETING_STATUSES),
  source: z.enum(MEETING_SOURCES),
  requester: party,
  recipient: party,
  message: z.string(),
  preferredMode: z.enum(MEETING_MODE_PREFERENCES),
  dayPart: z.enum(DAY_PARTS),
  /** While open: the slot last proposed, and by which side. */
  proposal: z.object({ slot: SlotViewSchema, by: z.string() }).optional(),
  expiresAt: z.iso.datetime().optional(),
  /** Once booked: */
  slot: SlotViewSchema.optional(),
  mode: z.enum(MEETING_MODES).optional(),
  table: z.number().int().optional(),
  onlineRoom: z.string().optional(),
  interpreter: z.object({ id: z.string(), name: z.string(), languages: z.array(z.string()) }).optional(),
  languages: pairOf(z.string()).optional(),
  declineReason: z.enum(DECLINE_REASONS).optional(),
  /** When countered, declined or cancelled: the words the side that did it left (never an earlier answer's). */
  note: z.string().optional(),
  cancelReason: z.enum(CANCEL_REASONS).optional(),
  outcomes: z.record(z.string(), z.enum(MEETING_OUTCOMES)),
  checkedInAt: z.iso.datetime().optional(),
  absent: z.array(z.string()),
  sequence: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type MeetingView = z.infer<typeof MeetingViewSchema>;

/**
 * GET /api/meetings/:id/check-in-link: the address an onsite meeting's QR code holds, for those who may
 * record it held (its parties, organisers). The client draws the code itself, so it shows offline too.
 */
export const MeetingCheckInLinkSchema = z.object({ url: z.url() });
export type MeetingCheckInLink = z.infer<typeof MeetingCheckInLinkSchema>;

export const MeetingListQuerySchema = z.strictObject({
  status: z.enum(MEETING_STATUSES).optional(),
});
export type MeetingListQuery = z.output<typeof MeetingListQuerySchema>;

/** What a notification in the bell (and, for some, a mail) says happened: the api sends these, the client words each. */
export type MeetingNotificationKind =
  | "meeting_requested"
  | "meeting_booked"
  | "meeting_countered"
  | "meeting_declined"
  | "meeting_cancelled"
  | "meeting_rescheduled"
  | "meeting_expired"
  | "meeting_reminder"
  | "meeting_held"
  | "schedule_published";
