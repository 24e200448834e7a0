import { DateTime } from "luxon";

/**
 * Where a programme moment of one event falls in its copy: the same local time on the day at the same
 * position (day 2 of the old event -> day 2 of the new), in the event's time zone, so a clock change
 * between the two dates moves nothing. A moment on a day the copy lacks (a shorter event) is left out.
 */
export function shiftToDays(instant: Date, fromDays: readonly string[], toDays: readonly string[], timeZone: string): Date | undefined {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const index = fromDays.indexOf(local.toISODate() ?? "");
  const day = toDays[index];
  if (index < 0 || !day) return undefined;
  const target = DateTime.fromISO(day, { zone: timeZone }).set({ hour: local.hour, minute: local.minute, second: local.second, millisecond: 0 });
  return target.toJSDate();
}

/** Whether an event's last day (a local date) is before today in its zone: it is over. */
export function eventIsOver(days: readonly string[], timeZone: string, now: Date): boolean {
  const last = [...days].sort().at(-1);
  return !last || last < (DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? "");
}
