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

/**
 * Two zones show different clocks at an instant. Compared by offset, not by name: a browser in Hanoi
 * may report Asia/Bangkok or Asia/Saigon, and its user must not see the same time twice.
 */
export const zonesDiffer = (iso: string, a: string, b: string) => DateTime.fromISO(iso).setZone(a).offset !== DateTime.fromISO(iso).setZone(b).offset;

/** The viewer's zone differs from the fair's at that instant (so both times are worth showing). */
export const viewerIsElsewhere = (iso: string) => zonesDiffer(iso, viewerTimeZone(), FAIR_TIME_ZONE);

/** One part of Intl's name of a zone ("Japan Standard Time", "GMT+9"), or undefined for a zone it does not know. */
function zonePart(zone: string, locale: string, at: Date, style: "longGeneric" | "shortOffset") {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
  } catch {
    return undefined;
  }
}

/**
 * A time zone as a reader names it, in their language, with its offset: "Japan Standard Time (GMT+9)",
 * "日本標準時 (GMT+9)", never the database id "Asia/Tokyo" (Intl.DisplayNames has no zones; the
 * date formatter's generic name does). A zone without a name of its own is its offset ("GMT+0").
 */
export function zoneName(zone: string, locale: string, at: Date = new Date()): string {
  const name = zonePart(zone, locale, at, "longGeneric");
  const offset = zonePart(zone, locale, at, "shortOffset");
  if (!name || !offset) return name ?? zone;
  return /^(GMT|UTC)/.test(name) ? offset : `${name} (${offset})`;
}

/** The local date (YYYY-MM-DD) of a UTC instant in a zone: which fair day a session belongs to. */
export const localDay = (iso: string, zone: string) => DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).toISODate();
