import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Locale } from "@ketnoi/contracts";
import { t } from "../i18n";
import type { MeetingRecord } from "../repositories/meetingRepository";
import { onlineLabel, tableLabel } from "./meetingMail";

export interface CalendarEntry {
  meeting: MeetingRecord;
  counterpart: string;
  interpreterName?: string;
  /** Where the meeting's event is held, when it is not the calendar's own venue (a firm in two events). */
  venue?: string;
}

type Calendar = ReturnType<typeof ical>;

/** One meeting as a VEVENT: the same UID for life and its SEQUENCE, in the feed and in mailed invitations alike. */
function addMeetingEvent(
  cal: Calendar,
  { meeting: m, counterpart, interpreterName, venue }: CalendarEntry,
  calendar: { locale: Locale; venue: string; publicOrigin: string },
) {
  if (!m.startsAt || !m.endsAt) return undefined;
  const opts = { ...calendar, venue: venue ?? calendar.venue };
  const where = m.mode === "online" ? onlineLabel(opts.locale) : m.table ? `${tableLabel(opts.locale, m.table)}, ${opts.venue}` : opts.venue;
  const link = `${opts.publicOrigin}/meetings/${m.id}`;
  return cal.createEvent({
    id: meetingUid(m.id),
    sequence: m.sequence,
    start: m.startsAt,
    end: m.endsAt,
    stamp: m.updatedAt,
    summary: t(opts.locale, "calendar:meetingWith", { who: counterpart }),
    location: where,
    description: [interpreterName ? `${t(opts.locale, "calendar:interpreter")}: ${interpreterName}` : "", link].filter(Boolean).join("\n"),
    url: link,
    status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

export const meetingUid = (meetingId: string) => `meeting-${meetingId}@ketnoi`;

/**
 * A user's meetings as an iCalendar feed. Each meeting keeps one UID for life and its SEQUENCE grows
 * with every change, so a calendar that subscribed replaces the event instead of adding a second;
 * a cancelled meeting stays in the feed as CANCELLED so it disappears from calendars.
 */
export function agendaCalendar(entries: CalendarEntry[], opts: { name: string; locale: Locale; venue: string; publicOrigin: string }) {
  const cal = ical({
    name: opts.name,
    prodId: { company: "Ketnoi", product: "fair-agenda", language: opts.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: null,
  });
  for (const entry of entries) addMeetingEvent(cal, entry, opts);
  return cal.toString();
}

/**
 * The iTIP message a meeting mail carries (RFC 5546): METHOD:REQUEST when it is booked or moved,
 * METHOD:CANCEL when it is cancelled, with the feed's UID and SEQUENCE, so Outlook, Google Calendar
 * and Apple Calendar add, move or remove the one event instead of adding another.
 */
export function meetingInvitation(
  entry: CalendarEntry,
  opts: {
    method: "REQUEST" | "CANCEL";
    locale: Locale;
    venue: string;
    publicOrigin: string;
    organizer: string;
    attendee: { name: string; email: string };
  },
) {
  const cal = ical({
    prodId: { company: "Ketnoi", product: "fair-agenda", language: opts.locale.toUpperCase() },
    method: opts.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: null,
  });
  const event = addMeetingEvent(cal, entry, opts);
  if (!event) return undefined;
  event.organizer({ name: "Ketnoi", email: opts.organizer });
  event.createAttendee({
    name: opts.attendee.name,
    email: opts.attendee.email,
    rsvp: false,
    status: ICalAttendeeStatus.ACCEPTED,
    role: ICalAttendeeRole.REQ,
  });
  return cal.toString();
}
