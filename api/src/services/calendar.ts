import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Locale } from "@ketnoi/contracts";
import type { MeetingRecord } from "../repositories/meetingRepository";
import { onlineLabel, tableLabel } from "./meetingMail";

const MEETING_WITH: Record<Locale, (who: string) => string> = {
  vi: (w) => `Gặp ${w}`,
  en: (w) => `Meeting with ${w}`,
  ja: (w) => `${w} との商談`,
  ko: (w) => `${w}와의 미팅`,
  "zh-Hant": (w) => `與 ${w} 會面`,
};
const INTERPRETER: Record<Locale, string> = { vi: "Phiên dịch", en: "Interpreter", ja: "通訳", ko: "통역", "zh-Hant": "口譯" };

export interface CalendarEntry {
  meeting: MeetingRecord;
  counterpart: string;
  interpreterName?: string;
}

/**
 * A user's meetings as an iCalendar feed. Each meeting keeps one UID for life and its SEQUENCE grows
 * with every change, so a calendar that subscribed replaces the event instead of adding a second;
 * a cancelled meeting stays in the feed as CANCELLED so it disappears from calendars.
 */
export function agendaCalendar(entries: CalendarEntry[], opts: { name: string; locale: Locale; venue: string; publicOrigin: string }) {
  const cal = ical({ name: opts.name, prodId: { company: "Ketnoi", product: "fair-agenda", language: opts.locale.toUpperCase() }, method: ICalCalendarMethod.PUBLISH, timezone: null });
  for (const { meeting: m, counterpart, interpreterName } of entries) {
    if (!m.startsAt || !m.endsAt) continue;
    const where = m.mode === "online" ? onlineLabel(opts.locale) : m.table ? `${tableLabel(opts.locale, m.table)}, ${opts.venue}` : opts.venue;
    const link = `${opts.publicOrigin}/meetings/${m.id}`;
    cal.createEvent({
      id: `meeting-${m.id}@ketnoi`,
      sequence: m.sequence,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.updatedAt,
      summary: MEETING_WITH[opts.locale](counterpart),
      location: where,
      description: [interpreterName ? `${INTERPRETER[opts.locale]}: ${interpreterName}` : "", link].filter(Boolean).join("\n"),
      url: link,
      status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
