import { DateTime } from "luxon";

/**
 * The demo fair's calendar. It is always ahead of whoever tries the demo: seeding puts it on the
 * first Thursday and Friday at least DEMO_LEAD_DAYS ahead (in the fair's zone), so there is most of
 * a week of booking before it opens, and a seed run after it has passed moves it forward again.
 * Only the demo fair is ever re-dated: a real fair's days are the organisers' and stay as they set them.
 */
export const DEMO_LEAD_DAYS = 5;
export const DEMO_TIME_ZONE = "Asia/Ho_Chi_Minh";

const THURSDAY = 4;

/** The two days (YYYY-MM-DD, in the fair's zone) a demo fair seeded at `today` takes place. */
export function demoFairDays(today: Date, zone = DEMO_TIME_ZONE): [string, string] {
  const earliest = DateTime.fromJSDate(today, { zone }).startOf("day").plus({ days: DEMO_LEAD_DAYS });
  const thursday = earliest.plus({ days: (THURSDAY - earliest.weekday + 7) % 7 });
  return [thursday.toISODate()!, thursday.plus({ days: 1 }).toISODate()!];
}

/** Whether a fair's last day is over at `now`, in the fair's own zone. */
export function fairIsOver(days: readonly string[], now: Date, zone: string): boolean {
  const last = days.at(-1);
  if (!last) return true;
  return DateTime.fromISO(last, { zone }).endOf("day").toMillis() < now.getTime();
}

/** Whole days from one calendar day to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days);
}
