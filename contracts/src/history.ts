import { z } from "zod";
import { EVENT_KINDS } from "./company";
import { MEETING_MODES, MEETING_OUTCOMES, MEETING_STATUSES } from "./meeting";
import { LocalizedTextSchema } from "./taxonomy";

/**
 * How long after a meeting's start a party may still record or change what came of it: a year.
 * A follow-up in supporting industries (a quotation, samples, a buyer's qualification of a new
 * supplier, an NDA, an MoU) takes weeks to months; by a year on, the programme's next edition of
 * the fair has come round and the two firms' new meetings carry what happens next.
 */
export const OUTCOME_WINDOW_DAYS = 365;

/** What one side recorded of a meeting, and when it recorded it (a later record replaces that side's earlier one). */
export const HistoryOutcomeSchema = z.object({
  companyId: z.string(),
  outcome: z.enum(MEETING_OUTCOMES),
  note: z.string().optional(),
  at: z.iso.datetime(),
});
export type HistoryOutcome = z.infer<typeof HistoryOutcomeSchema>;

/** A firm's figures for an event, or over every event. */
export const HistoryCountsSchema = z.object({
  meetingsHeld: z.number().int(),
  /** Meetings with this outcome recorded by either side (a meeting counts once per outcome, however many sides recorded it). */
  outcomes: z.record(z.enum(MEETING_OUTCOMES), z.number().int()),
});
export type HistoryCounts = z.infer<typeof HistoryCountsSchema>;

/** One of the firm's meetings as its history shows it. Times are UTC. */
export const HistoryMeetingSchema = z.object({
  id: z.string(),
  partner: z.object({ id: z.string(), name: z.string(), country: z.string() }),
  start: z.iso.datetime(),
  end: z.iso.datetime().optional(),
  mode: z.enum(MEETING_MODES).optional(),
  status: z.enum(MEETING_STATUSES),
  outcomes: z.array(HistoryOutcomeSchema),
  /** Whether the caller may record or change its firm's outcome now (a party, the meeting started, within OUTCOME_WINDOW_DAYS). */
  outcomeOpen: z.boolean(),
});
export type HistoryMeeting = z.infer<typeof HistoryMeetingSchema>;

/** An event the firm took part in (approved) or met in, with its meetings there, earliest first. */
export const HistoryEventSchema = z.object({
  slug: z.string(),
  name: LocalizedTextSchema,
  kind: z.enum(EVENT_KINDS),
  timeZone: z.string(),
  days: z.array(z.iso.date()),
  meetings: z.array(HistoryMeetingSchema),
  counts: HistoryCountsSchema,
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

/**
 * GET /api/me/history (the caller's firm), GET /api/companies/:id/history (organisers): the firm's
 * meetings across every event of the programme, newest event first. Meetings that were on an agenda
 * (booked, held, no-show); requests never booked and cancelled meetings are not history.
 */
export const FirmHistorySchema = z.object({
  company: z.object({ id: z.string(), name: z.string() }),
  events: z.array(HistoryEventSchema),
  totals: HistoryCountsSchema,
});
export type FirmHistory = z.infer<typeof FirmHistorySchema>;
