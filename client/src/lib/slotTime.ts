import { DateTime } from "luxon";
import { FAIR_TIME_ZONE } from "@ketnoi/contracts";
import { viewerTimeZone, zonesDiffer } from "./time";

const fmt = (iso: string, zone: string, locale: string, format: Intl.DateTimeFormatOptions) =>
  DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).setLocale(locale).toLocaleString(format);

/** "09:00–09:30" in a zone. */
export const rangeIn = (start: string, end: string, zone: string, locale: string) =>
  `${fmt(start, zone, locale, DateTime.TIME_SIMPLE)}–${fmt(end, zone, locale, DateTime.TIME_SIMPLE)}`;

/** "Thu, 10 Dec" in a zone. */
export const dayIn = (iso: string, zone: string, locale: string) => fmt(iso, zone, locale, { weekday: "short", day: "numeric", month: "short" });

/** A fair day (YYYY-MM-DD in the fair's zone) a UTC instant falls on. */
export const fairDayOf = (iso: string) => DateTime.fromISO(iso, { zone: "utc" }).setZone(FAIR_TIME_ZONE).toISODate()!;

/** The viewer's zone and whether it differs from the fair's at that instant. */
export function zones(iso: string) {
  const viewer = viewerTimeZone();
  return { viewer, fair: FAIR_TIME_ZONE, differs: zonesDiffer(iso, viewer, FAIR_TIME_ZONE) };
}

export const dateTimeIn = (iso: string, zone: string, locale: string) => fmt(iso, zone, locale, DateTime.DATETIME_MED);
