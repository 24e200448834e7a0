import { MEETING_OUTCOMES, type MeetingOutcome } from "@ketnoi/contracts";
import { outcomeOpen } from "./meetings/outcomeWindow";

/** An event of the programme (a fair record's fields the history reads). */
export interface HistoryEventInput {
  id: string;
  days: string[];
}
/** A meeting (a meeting record's fields the history reads). */
export interface HistoryMeetingInput {
  fairId: string;
  requesterId: string;
  recipientId: string;
  status: string;
  startsAt?: Date;
  outcomes: { outcome?: string }[];
}

/** The statuses that put a meeting in a firm's history: it was on an agenda. Requests never booked and cancelled meetings are not. */
export const HISTORY_STATUSES: readonly string[] = ["booked", "held", "no_show"];

export interface HistoryCounts {
  meetingsHeld: number;
  /** Meetings with the outcome recorded by either side (once per meeting and outcome). */
  outcomes: Record<MeetingOutcome, number>;
}

export interface HistoryEntry<M> {
  meeting: M;
  /** The other firm's id. */
  partnerId: string;
  /** Whether the reader may record its firm's outcome now (a member of the firm, inside the outcome window). */
  outcomeOpen: boolean;
}

export interface HistoryGroup<E, M> {
  event: E;
  meetings: HistoryEntry<M>[];
  counts: HistoryCounts;
}

export interface FirmHistoryCount<E, M> {
  /** Newest event first. */
  events: HistoryGroup<E, M>[];
  totals: HistoryCounts;
}

const noCounts = (): HistoryCounts => ({
  meetingsHeld: 0,
  outcomes: Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, 0])) as Record<MeetingOutcome, number>,
});

function add(into: HistoryCounts, m: HistoryMeetingInput) {
  if (m.status === "held") into.meetingsHeld++;
  const kinds = new Set(m.outcomes.map((o) => o.outcome).filter((o): o is MeetingOutcome => MEETING_OUTCOMES.includes(o as MeetingOutcome)));
  for (const kind of kinds) into.outcomes[kind]++;
}

/**
 * A firm's meetings across the programme's events, grouped by event with each event's figures and the
 * figures over all of them. Events listed: those the firm took part in (`joined`: approved
 * registrations) and those it has meetings in, newest first (by first day); meetings by start.
 * An outcome counts whenever it was recorded: a follow-up entered weeks after the event counts with it.
 */
export function groupFirmHistory<E extends HistoryEventInput, M extends HistoryMeetingInput>(
  firmId: string,
  events: readonly E[],
  meetings: readonly M[],
  options: { joined: ReadonlySet<string>; now: Date; readerIsMember: boolean },
): FirmHistoryCount<E, M> {
  const own = meetings
    .filter((m) => (m.requesterId === firmId || m.recipientId === firmId) && HISTORY_STATUSES.includes(m.status) && m.startsAt)
    .sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime());
  const byEvent = new Map<string, M[]>();
  for (const m of own) byEvent.set(m.fairId, [...(byEvent.get(m.fairId) ?? []), m]);
  const totals = noCounts();
  const groups = events
    .filter((e) => options.joined.has(e.id) || byEvent.has(e.id))
    .sort((a, b) => firstDay(b).localeCompare(firstDay(a)))
    .map((event) => {
      const counts = noCounts();
      const list = byEvent.get(event.id) ?? [];
      for (const m of list) {
        add(counts, m);
        add(totals, m);
      }
      return {
        event,
        counts,
        meetings: list.map((meeting) => ({
          meeting,
          partnerId: meeting.requesterId === firmId ? meeting.recipientId : meeting.requesterId,
          outcomeOpen: options.readerIsMember && outcomeOpen(meeting.status, meeting.startsAt, options.now),
        })),
      };
    });
  return { events: groups, totals };
}

const firstDay = (e: HistoryEventInput) => [...e.days].sort()[0] ?? "";
