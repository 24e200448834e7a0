// Plain Intl, no date library: the landing page shows times, and luxon stays out of its initial JS.

export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Intl's formatters are costly to make: one per locale, zone and format. */
function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })));
  return f;
}

/** A UTC instant as "HH:mm" in a zone, in the viewer's locale. */
export function timeIn(iso: string, zone: string, locale: string) {
  return formatter(locale, zone, { hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

/** A local fair date (YYYY-MM-DD) as a long date in the viewer's locale: the date itself, in no zone. */
export function fairDate(day: string, locale: string) {
  return formatter(locale, "UTC", { weekday: "long", year: "numeric", month: "long", day: "numeric" }).format(new Date(`${day}T00:00:00Z`));
}

/** An event's days as dates in the reader's language: the first and the last when there are several. */
export function eventDates(days: readonly string[], locale: string): string {
  const sorted = [...days].sort();
  const first = fairDate(sorted[0] ?? "", locale);
  return sorted.length > 1 ? `${first} – ${fairDate(sorted.at(-1) ?? "", locale)}` : first;
}

/** A zone's offset from UTC in minutes at an instant. */
function offsetMinutes(at: Date, zone: string) {
  const p = Object.fromEntries(
    formatter("en-US", zone, {
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(at)
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * Two zones show different clocks at an instant. Compared by offset, not by name: a browser in Hanoi
 * may report Asia/Bangkok or Asia/Saigon, and its user must not see the same time twice.
 */
export const zonesDiffer = (iso: string, a: string, b: string) => offsetMinutes(new Date(iso), a) !== offsetMinutes(new Date(iso), b);

/** The viewer's zone differs from the fair's (the fair summary's `timeZone`) at that instant, so both times are worth showing. */
export const viewerIsElsewhere = (iso: string, fairZone: string) => zonesDiffer(iso, viewerTimeZone(), fairZone);

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
export const localDay = (iso: string, zone: string) =>
  formatter("en-CA", zone, { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

/** An instant (ms since the epoch) as a short date and time in a zone, in the viewer's locale ("Dec 6, 2026, 7:15 PM"). */
export function dateTimeIn(ms: number, zone: string, locale: string) {
  return formatter(locale, zone, { dateStyle: "medium", timeStyle: "short" }).format(new Date(ms));
}
