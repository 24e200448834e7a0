import { availableSlots, fairSlots, slotAt, slotNamed } from "./fairSlots";

const fair = {
  days: ["2026-12-10", "2026-12-11"],
  timeZone: "Asia/Ho_Chi_Minh",
  slotMinutes: 30,
  dailyHours: { start: "08:30", end: "17:00" },
  breaks: [{ start: "12:00", end: "13:30" }],
};

describe("fair slots", () => {
  const slots = fairSlots(fair);

  test("30-minute slots from 08:30 to 17:00 Hanoi time, lunch left out, stored in UTC", () => {
    expect(slots).toHaveLength(2 * 14);
    expect(slots[0]).toMatchObject({ label: "d1s01", day: "2026-12-10", start: new Date("2026-12-10T01:30:00Z") });
    expect(slots[6]!.end.toISOString()).toBe("2026-12-10T05:00:00.000Z"); // 12:00 Hanoi
    expect(slots[7]!.start.toISOString()).toBe("2026-12-10T06:30:00.000Z"); // 13:30 Hanoi
    expect(slots[13]!.end.toISOString()).toBe("2026-12-10T10:00:00.000Z"); // 17:00 Hanoi
    expect(slots[14]!.label).toBe("d2s01");
  });

  test("a remote vendor in Tokyo can meet from 08:30 Hanoi (10:30 Tokyo) to 16:00 Hanoi (18:00 Tokyo)", () => {
    const tokyo = availableSlots(slots, { participation: "remote", timeZone: "Asia/Tokyo", busy: [], blocked: [] }).filter(
      (a) => a.slot.day === "2026-12-10",
    );
    const open = tokyo.filter((a) => a.available).map((a) => a.slot.label);
    expect(open[0]).toBe("d1s01");
    expect(tokyo.find((a) => a.slot.start.toISOString() === "2026-12-10T09:00:00.000Z")).toMatchObject({
      available: false,
      reason: "outsideWorkingHours",
    });
    expect(open).toHaveLength(12);
  });

  test("a remote vendor in Berlin (UTC+1) only has the Hanoi afternoon, from 14:00", () => {
    const berlin = availableSlots(slots, { participation: "remote", timeZone: "Europe/Berlin", busy: [], blocked: [] }).filter(
      (a) => a.available && a.slot.day === "2026-12-10",
    );
    expect(berlin.map((a) => a.slot.start.toISOString())).toEqual([
      "2026-12-10T07:00:00.000Z",
      "2026-12-10T07:30:00.000Z",
      "2026-12-10T08:00:00.000Z",
      "2026-12-10T08:30:00.000Z",
      "2026-12-10T09:00:00.000Z",
      "2026-12-10T09:30:00.000Z",
    ]);
  });

  test("the working-day answers kept for one zone are not another's", () => {
    const open = (timeZone: string) =>
      availableSlots(slots, { participation: "remote", timeZone, busy: [], blocked: [] })
        .filter((a) => a.available)
        .map((a) => a.slot.label);
    const tokyo = open("Asia/Tokyo");
    const berlin = open("Europe/Berlin");
    expect(berlin).toHaveLength(12); // 6 a day
    expect(tokyo).toHaveLength(24);
    expect(open("Asia/Tokyo")).toEqual(tokyo);
    expect(open("Europe/Berlin")).toEqual(berlin);
  });

  test("registered sessions and blocked slots are unavailable", () => {
    const a = availableSlots(slots, {
      participation: "onsite",
      timeZone: "Asia/Ho_Chi_Minh",
      busy: [{ start: new Date("2026-12-10T02:30:00Z"), end: new Date("2026-12-10T04:00:00Z") }],
      blocked: [new Date("2026-12-11T01:30:00Z")],
    });
    expect(a.filter((x) => !x.available).map((x) => [x.slot.label, x.reason])).toEqual([
      ["d1s03", "session"],
      ["d1s04", "session"],
      ["d1s05", "session"],
      ["d2s01", "blocked"],
    ]);
  });

  test("computed once per set-up: the same fair gives the same list, a change of breaks a new one, looked up by start or label", () => {
    expect(fairSlots({ ...fair })).toBe(slots);
    const noLunch = fairSlots({ ...fair, breaks: [] });
    expect(noLunch).not.toBe(slots);
    expect(noLunch).toHaveLength(2 * 17);
    expect(Object.isFrozen(slots)).toBe(true);
    // 13:30 Hanoi is the 8th slot with the lunch break and the 11th without: its start names it either way.
    const at1330 = new Date("2026-12-10T06:30:00Z");
    expect(slotAt(fair, at1330)?.label).toBe("d1s08");
    expect(slotAt({ ...fair, breaks: [] }, at1330)?.label).toBe("d1s11");
    expect(slotNamed(fair, "2026-12-10T06:30:00.000Z")).toBe(slotAt(fair, at1330));
    expect(slotNamed(fair, "d1s08")).toBe(slotAt(fair, at1330));
    expect(slotNamed(fair, "2026-12-10T06:40:00.000Z")).toBeUndefined(); // not a slot's start
    expect(slotNamed(fair, "d9s99")).toBeUndefined();
  });
});
