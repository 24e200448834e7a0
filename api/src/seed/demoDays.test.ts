import { DateTime } from "luxon";
import { daysBetween, demoFairDays, fairIsOver } from "./demoDays";

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
// Days the tests name, derived from today (nothing here goes stale): a Sunday some years on, in UTC.
const sunday = DateTime.utc().plus({ years: 5 }).startOf("week").plus({ days: 6 });
const iso = (d: DateTime) => d.toISODate()!;
const at = (d: DateTime, time: string) => new Date(`${iso(d)}T${time}Z`);

describe("the demo fair's days", () => {
  test("are the first Thursday and Friday at least five days ahead, counted in Hanoi", () => {
    const saturday = sunday.minus({ days: 1 });
    // A Sunday: the Thursday four days on is too soon, so the one after it.
    expect(demoFairDays(at(sunday, "03:00:00"))).toEqual([iso(sunday.plus({ days: 11 })), iso(sunday.plus({ days: 12 }))]);
    // A Saturday: Thursday is five days on.
    expect(demoFairDays(at(saturday, "03:00:00"))).toEqual([iso(saturday.plus({ days: 5 })), iso(saturday.plus({ days: 6 }))]);
    // 18:00 UTC on Saturday is already Sunday in Hanoi.
    expect(demoFairDays(at(saturday, "18:00:00"))).toEqual([iso(sunday.plus({ days: 11 })), iso(sunday.plus({ days: 12 }))]);
  });

  test("are always a Thursday and the Friday after it, five to eleven days ahead, on any day of the coming decade", () => {
    const start = at(DateTime.utc().startOf("day"), "05:00:00").getTime();
    for (let d = 0; d < 3653; d += 3) {
      const today = new Date(start + d * 86_400_000);
      const [first, second] = demoFairDays(today);
      expect([weekday(first), weekday(second)]).toEqual([4, 5]);
      const lead = daysBetween(today.toISOString().slice(0, 10), first);
      expect(lead).toBeGreaterThanOrEqual(5);
      expect(lead).toBeLessThanOrEqual(11);
    }
  });

  test("a fair is over once its last day has ended in its own zone", () => {
    const last = sunday.plus({ days: 12 });
    const days = [iso(sunday.plus({ days: 11 })), iso(last)];
    expect(fairIsOver(days, at(last, "16:59:00"), "Asia/Ho_Chi_Minh")).toBe(false); // 23:59 in Hanoi
    expect(fairIsOver(days, at(last, "17:00:00"), "Asia/Ho_Chi_Minh")).toBe(true);
    expect(fairIsOver(days, at(last, "17:00:00"), "Europe/Berlin")).toBe(false);
    expect(fairIsOver([], new Date(), "Asia/Ho_Chi_Minh")).toBe(true);
  });
});
