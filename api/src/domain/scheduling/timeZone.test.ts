import { DateTime } from "luxon";
import { InstanceSchema, type Instance, type Solution } from "./format";
import { checkSolution } from "./checker";
import { solve } from "./solver";
import { interpreterRunFits } from "../planning/interpreterRun";

/**
 * A fair in Tokyo (UTC+9) with a night session for buyers in the Americas, 22:00 to 04:00 Tokyo
 * time, in half hours: n01 is 22:00, n05 midnight, n07 01:00, n09 02:00, n11 03:00. Hanoi (UTC+7)
 * has its midnight two hours later, at 02:00 in Tokyo, so Hanoi's days split and join these slots
 * elsewhere than Tokyo's: read in Hanoi's zone, breaks would be counted and avoided wrongly.
 */
function nightSession(zone: "Asia/Tokyo" | undefined, meetings: Instance["meetings"], participants: string[]): Instance {
  const slots = Array.from({ length: 12 }, (_, i) => {
    const start = DateTime.fromISO("2026-12-10T22:00", { zone: "Asia/Tokyo" }).plus({ minutes: 30 * i });
    return { id: `n${String(i + 1).padStart(2, "0")}`, start: start.toUTC().toISO()!, end: start.plus({ minutes: 30 }).toUTC().toISO()! };
  });
  const all = slots.map((s) => s.id);
  return InstanceSchema.parse({
    version: 1,
    ...(zone ? { timeZone: zone } : {}),
    slots,
    onsiteTables: 0,
    onlineRooms: 5,
    interpreters: [],
    participants: participants.map((id) => ({ id, available: all, onsite: false })),
    meetings,
  });
}

/** US meets CA and MX, at the slots given. */
function twoMeetings(zone: "Asia/Tokyo" | undefined, first: string, second: string) {
  const inst = nightSession(
    zone,
    [
      { id: "M1", a: "US", b: "CA", value: 1, mode: "online" },
      { id: "M2", a: "US", b: "MX", value: 1, mode: "online" },
    ],
    ["US", "CA", "MX"],
  );
  const plan: Solution = {
    version: 1,
    assignments: [
      { meeting: "M1", slot: first, mode: "online" },
      { meeting: "M2", slot: second, mode: "online" },
    ],
    unscheduled: [],
    value: 2,
    upperBound: 2,
  };
  return { inst, plan };
}

/** US has M1 fixed at 01:00 Tokyo time; M2 may take 23:30 (the day before, in Tokyo) or 02:00 (the same day, after an idle half hour). */
function oneChoice(zone: "Asia/Tokyo" | undefined): Instance {
  return nightSession(
    zone,
    [
      { id: "M1", a: "US", b: "CA", value: 1, mode: "online", slots: ["n07"] },
      { id: "M2", a: "US", b: "MX", value: 1, mode: "online", slots: ["n04", "n09"] },
    ],
    ["US", "CA", "MX"],
  );
}

/** One interpreter, at most two meetings in a row, taking meetings at 23:00, 23:30 and 00:00 Tokyo time. */
function interpreterAtMidnight(zone: "Asia/Tokyo" | undefined) {
  const base = nightSession(
    zone,
    ["n03", "n04", "n05"].map((slot, i) => {
      const languages: [string, string] = ["en", "ja"];
      return { id: `K${i}`, a: `JP${i}`, b: `US${i}`, value: 1, mode: "online" as const, languages, slots: [slot] };
    }),
    [0, 1, 2].flatMap((i) => [`JP${i}`, `US${i}`]),
  );
  const interpreter = { id: "I", languages: ["en", "ja"], available: base.slots.map((s) => s.id) };
  const inst = InstanceSchema.parse({ ...base, interpreterMaxRun: 2, interpreters: [interpreter] });
  const plan: Solution = {
    version: 1,
    assignments: ["n03", "n04", "n05"].map((slot, i) => ({ meeting: `K${i}`, slot, mode: "online" as const, interpreter: "I" })),
    unscheduled: [],
    value: 3,
    upperBound: 3,
  };
  return { inst, plan };
}

describe("the instance's time zone", () => {
  test("a Tokyo fair's days are Tokyo's: 01:00 and 03:00 are one day with a break, 22:00 and 01:00 two days without", () => {
    const sameDay = twoMeetings("Asia/Tokyo", "n07", "n11");
    expect(sameDay.inst.timeZone).toBe("Asia/Tokyo");
    // In Hanoi these are 23:00 and 01:00 of two days: no break.
    expect(checkSolution(sameDay.inst, sameDay.plan)).toMatchObject({ feasible: true, breaks: 1 });
    // In Hanoi these are 20:00 and 23:00 of one day: a break.
    const twoDays = twoMeetings("Asia/Tokyo", "n01", "n07");
    expect(checkSolution(twoDays.inst, twoDays.plan)).toMatchObject({ feasible: true, breaks: 0 });
  });

  test("the solver counts a Tokyo fair's breaks by Tokyo's days", () => {
    const result = solve(oneChoice("Asia/Tokyo"), { timeLimitMs: 200, seed: 1 });
    expect(result.assignments.find((a) => a.meeting === "M2")?.slot).toBe("n04");
    expect(result.breaks).toBe(0);
    expect(checkSolution(oneChoice("Asia/Tokyo"), result)).toMatchObject({ feasible: true, breaks: 0 });
  });

  test("a file without a zone still reads in Hanoi's, as version 1 says", () => {
    const sameDay = twoMeetings(undefined, "n07", "n11");
    expect(sameDay.inst.timeZone).toBeUndefined();
    expect(checkSolution(sameDay.inst, sameDay.plan).breaks).toBe(0);
    const twoDays = twoMeetings(undefined, "n01", "n07");
    expect(checkSolution(twoDays.inst, twoDays.plan).breaks).toBe(1);
    // In Hanoi, 02:00 Tokyo time is midnight: a day of its own after M1's 23:00, so no break there.
    const result = solve(oneChoice(undefined), { timeLimitMs: 200, seed: 1 });
    expect(result.assignments.find((a) => a.meeting === "M2")?.slot).toBe("n09");
    expect(result.breaks).toBe(0);
  });

  test("an interpreter's run ends at the fair's midnight, for the checker, the solver and a move by hand alike", () => {
    const tokyo = interpreterAtMidnight("Asia/Tokyo");
    // 23:00 and 23:30, then 00:00 of the next day: two runs, within the limit of two.
    expect(checkSolution(tokyo.inst, tokyo.plan)).toMatchObject({ feasible: true, interpreters: { longestRun: 2 } });
    expect(interpreterRunFits(tokyo.inst, "I", "n05", new Set(["n03", "n04"]))).toBe(true);
    expect(solve(tokyo.inst, { timeLimitMs: 100, seed: 1 }).unscheduled).toEqual([]);
    // In Hanoi's zone the three are 21:00 to 22:00 of one day: one run of three.
    const hanoi = interpreterAtMidnight(undefined);
    expect(checkSolution(hanoi.inst, hanoi.plan).conflicts).toEqual([expect.objectContaining({ rule: "interpreterRun" })]);
    expect(interpreterRunFits(hanoi.inst, "I", "n05", new Set(["n03", "n04"]))).toBe(false);
    expect(solve(hanoi.inst, { timeLimitMs: 100, seed: 1 }).unscheduled).toHaveLength(1);
  });

  test("a zone that is not an IANA zone is refused", () => {
    const inst = nightSession("Asia/Tokyo", [], []);
    expect(InstanceSchema.safeParse({ ...inst, timeZone: "Tokyo/Asia" }).success).toBe(false);
    expect(InstanceSchema.safeParse({ ...inst, timeZone: "Hanoi" }).success).toBe(false);
  });
});
