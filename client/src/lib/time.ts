import { DateTime } from "luxon";
import { FAIR_TIME_ZONE } from "@ketnoi/contracts";

export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** A UTC instant as "HH:mm" in a zone, in the viewer's locale. */
export function timeIn(iso: string, zone: string, locale: string) {
  return DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).setLocale(locale).toLocaleString(DateTime.TIME_SIMPLE);
}

/** A local fair date (YYYY-MM-DD, fair zone) as a long date in the viewer's locale. */
export function fairDate(day: string, locale: string) {
  return DateTime.fromISO(day, { zone: FAIR_TIME_ZONE }).setLocale(locale).toLocaleString(DateTime.DATE_HUGE);
}

/** The viewer's zone differs from the fair's right now (so both times are worth showing). */
export const viewerIsElsewhere = (iso: string) =>
  DateTime.fromISO(iso).setZone(viewerTimeZone()).offset !== DateTime.fromISO(iso).setZone(FAIR_TIME_ZONE).offset;

/** The local date (YYYY-MM-DD) of a UTC instant in a zone: which fair day a session belongs to. */
export const localDay = (iso: string, zone: string) => DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).toISODate();
