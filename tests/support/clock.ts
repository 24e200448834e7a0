import { DateTime } from "luxon";
import { demoFairDays } from "../../api/src/seed/demoDays";

/**
 * The test run's calendar. Nothing in the suite names a date: "today" is the day the run started
 * (infra/test.sh sets KETNOI_TEST_TODAY once, so every test file agrees even across midnight), or
 * any day given as KETNOI_TEST_TODAY=YYYY-MM-DD, which is how the suite proves it passes on later days.
 */
const given = process.env.KETNOI_TEST_TODAY;
if (given !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new Error(`KETNOI_TEST_TODAY must be YYYY-MM-DD, not "${given}"`);
export const TEST_TODAY = given ?? new Date().toISOString().slice(0, 10);

/**
 * The api's clock in the fixed-clock suites: 10:00 in Hanoi on the run's today, five to eleven days
 * before the demo fair those suites seed. What the api issues by this clock and another clock checks
 * is valid for both: the session cookie lives by Max-Age (the cookie jar's real clock), realtime and
 * LiveKit tokens are signed by the real clock.
 */
export const FIXED_NOW = new Date(`${TEST_TODAY}T03:00:00Z`);

/** The days of the demo fair seeded as of FIXED_NOW. */
export const DEMO_DAYS = demoFairDays(FIXED_NOW);
const FAIR_ZONE = "Asia/Ho_Chi_Minh";

/** The instant of a Hanoi wall-clock time ("HH:MM") on day 1 or 2 of the demo fair. */
export function fairTime(day: 1 | 2, time: string): Date {
  return DateTime.fromISO(`${DEMO_DAYS[day - 1]}T${time}`, { zone: FAIR_ZONE }).toJSDate();
}
/** The same, as the api writes instants in JSON. */
export const fairIso = (day: 1 | 2, time: string) => fairTime(day, time).toISOString();
/** A calendar day `n` days after the demo fair's first (negative: before), YYYY-MM-DD. */
export const fairDayPlus = (n: number) => DateTime.fromISO(DEMO_DAYS[0], { zone: "UTC" }).plus({ days: n }).toISODate()!;
