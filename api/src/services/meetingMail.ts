import { DateTime } from "luxon";
import type { Locale } from "@ketnoi/contracts";
import { t } from "../i18n";
import type { MailContent } from "./mailLayout";

/** Meeting notifications that also go out by email (the rest stay in the app). */
export const MAILED_KINDS = [
  "meeting_requested",
  "meeting_booked",
  "meeting_countered",
  "meeting_cancelled",
  "meeting_rescheduled",
  "meeting_reminder",
  "schedule_published",
] as const;
export type MailedKind = (typeof MAILED_KINDS)[number];

/**
 * A time as the reader sees it, with the fair's local time beside it when the clocks differ at that
 * instant: compared by offset, not by name, so a Hanoi reader whose zone is Asia/Bangkok or
 * Asia/Saigon is not shown the same time twice.
 */
export function formatMeetingTime(start: Date, locale: Locale, viewerZone: string, fairZone: string): string {
  const at = (zone: string) => DateTime.fromJSDate(start, { zone });
  const fmt = (zone: string) =>
    at(zone)
      .setLocale(locale)
      .toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: "short" });
  const own = fmt(viewerZone);
  return at(viewerZone).offset === at(fairZone).offset ? own : `${own} (${fmt(fairZone)})`;
}

/** What a meeting mail says (laid out as text and HTML by layoutMail). */
export function meetingMail(
  kind: MailedKind,
  locale: Locale,
  details: {
    counterpart: string;
    start?: Date;
    table?: number;
    online?: boolean;
    viewerZone: string;
    fairZone: string;
    link: string;
    note?: string;
    fairChanged?: boolean;
  },
): MailContent {
  const facts: string[] = [];
  const where = t(locale, "meetingMail:where");
  const when = details.start && formatMeetingTime(details.start, locale, details.viewerZone, details.fairZone);
  if (when) facts.push(`${t(locale, "meetingMail:when")}: ${when}`);
  if (details.table) facts.push(`${where}: ${tableLabel(locale, details.table)}`);
  else if (details.online) facts.push(`${where}: ${onlineLabel(locale)}`);
  const subject = t(locale, `meetingMail:subject.${kind}`, { who: details.counterpart });
  const paragraphs = [subject, ...(facts.length ? [facts.join("\n")] : [])];
  if (details.fairChanged) paragraphs.push(t(locale, "meetingMail:fairChange"));
  if (details.note) paragraphs.push(`${t(locale, "meetingMail:note")}: “${details.note}”`);
  return { subject, paragraphs, action: { label: t(locale, "meetingMail:open"), url: details.link } };
}

export const tableLabel = (locale: Locale, n: number) => t(locale, "meetingMail:table", { n });
export const onlineLabel = (locale: Locale) => t(locale, "meetingMail:online");
