import { daysBetween, demoFairDays, fairIsOver } from "./demoDays";

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

describe("the demo fair's days", () => {
  test("are the first Thursday and Friday at least five days ahead, counted in Hanoi", () => {
    expect(demoFairDays(new Date("2031-03-02T03:00:00Z"))).toEqual(["2031-03-13", "2031-03-14"]); // a Sunday: Friday the 7th is too soon
    expect(demoFairDays(new Date("2031-03-01T03:00:00Z"))).toEqual(["2031-03-06", "2031-03-07"]); // a Saturday: Thursday is five days on
    // 18:00 UTC on Saturday is already Sunday in Hanoi.
    expect(demoFairDays(new Date("2031-03-01T18:00:00Z"))).toEqual(["2031-03-13", "2031-03-14"]);
  });

  test("are always a Thursday and the Friday after it, five to eleven days ahead, on any day of the coming decade", () => {
    const start = Date.parse("2027-01-01T05:00:00Z");
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
    const days = ["2031-03-13", "2031-03-14"];
    expect(fairIsOver(days, new Date("2031-03-14T16:59:00Z"), "Asia/Ho_Chi_Minh")).toBe(false); // 23:59 in Hanoi
    expect(fairIsOver(days, new Date("2031-03-14T17:00:00Z"), "Asia/Ho_Chi_Minh")).toBe(true);
    expect(fairIsOver(days, new Date("2031-03-14T17:00:00Z"), "Europe/Berlin")).toBe(false);
    expect(fairIsOver([], new Date(), "Asia/Ho_Chi_Minh")).toBe(true);
  });
});
