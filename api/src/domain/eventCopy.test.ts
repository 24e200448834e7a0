import { eventIsOver, shiftToDays } from "./eventCopy";

describe("copying an event's programme to new days", () => {
  test("a moment keeps its local time on the day at the same position", () => {
    const at = new Date("2025-11-13T03:30:00Z"); // 10:30 in Hanoi on day 2
    expect(shiftToDays(at, ["2025-11-12", "2025-11-13"], ["2026-11-18", "2026-11-19"], "Asia/Ho_Chi_Minh")?.toISOString()).toBe(
      "2026-11-19T03:30:00.000Z",
    );
  });

  test("across a clock change the local time stays, the UTC instant moves", () => {
    const at = new Date("2026-03-20T09:00:00Z"); // 10:00 in Berlin (CET) on day 1
    expect(shiftToDays(at, ["2026-03-20"], ["2026-04-10"], "Europe/Berlin")?.toISOString()).toBe("2026-04-10T08:00:00.000Z"); // 10:00 CEST
  });

  test("a moment on a day the copy lacks is left out", () => {
    expect(shiftToDays(new Date("2025-11-13T03:30:00Z"), ["2025-11-12", "2025-11-13"], ["2026-11-18"], "Asia/Ho_Chi_Minh")).toBeUndefined();
  });

  test("an event is over after its last local day", () => {
    const days = ["2026-11-18", "2026-11-19"];
    expect(eventIsOver(days, "Asia/Ho_Chi_Minh", new Date("2026-11-19T16:59:00Z"))).toBe(false); // 23:59 in Hanoi
    expect(eventIsOver(days, "Asia/Ho_Chi_Minh", new Date("2026-11-19T17:00:00Z"))).toBe(true); // midnight
  });
});
