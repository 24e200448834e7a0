import { viewerTimeZone, zonesDiffer } from "./time";

const fmt = (iso: string, zone: string, locale: string, format: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...format, timeZone: zone }).format(new Date(iso));
const TIME: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };

/** "09:00–09:30" in a zone. */
export const rangeIn = (start: string, end: string, zone: string, locale: string) =>
  `${fmt(start, zone, locale, TIME)}–${fmt(end, zone, locale, TIME)}`;

/** "Thu, 10 Dec" in a zone. */
export const dayIn = (iso: string, zone: string, locale: string) => fmt(iso, zone, locale, { weekday: "short", day: "numeric", month: "short" });

/**
 * The viewer's zone, the fair's, and whether they differ at that instant. While the fair's zone is
 * not known yet (its summary is being read) only the viewer's time is shown.
 */
export function zones(iso: string, fairZone: string | undefined) {
  const viewer = viewerTimeZone();
  return { viewer, fair: fairZone ?? viewer, differs: fairZone !== undefined && zonesDiffer(iso, viewer, fairZone) };
}

export const dateTimeIn = (iso: string, zone: string, locale: string) =>
  fmt(iso, zone, locale, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
