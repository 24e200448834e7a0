import { InstanceSchema } from "./format";
import { generateHanoi, generateHanoiScale } from "./generateHanoi";
import { checkSolution } from "./checker";
import { firstFit } from "./firstFit";
import { solve } from "./solver";

describe("the Hanoi-scale generator", () => {
  const inst = generateHanoiScale("hanoi");

  test("writes a valid instance of the stated shape, the same for the same seed", () => {
    expect(InstanceSchema.safeParse(inst).success).toBe(true);
    expect(inst.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(inst.participants).toHaveLength(1300);
    expect(inst.meetings).toHaveLength(5000);
    expect(inst.onsiteTables).toBe(120);
    expect(inst.onlineRooms).toBe(75);
    expect(inst.slots.length).toBe(32);
    expect(JSON.stringify(generateHanoiScale("hanoi"))).toBe(JSON.stringify(inst));
    expect(JSON.stringify(generateHanoi({ seed: 7, domestic: 50, foreign: 10, requests: 100 }))).not.toBe(
      JSON.stringify(generateHanoi({ seed: 8, domestic: 50, foreign: 10, requests: 100 })),
    );
  });

  test("has remote vendors in their own hours, scarce interpreters, restricted and fixed requests", () => {
    const vendors = inst.participants.filter((p) => p.id.startsWith("F"));
    const remote = vendors.filter((p) => !p.onsite);
    expect(vendors).toHaveLength(300);
    expect(remote.length / vendors.length).toBeGreaterThan(0.3);
    expect(remote.length / vendors.length).toBeLessThan(0.5);
    // Europe's working day meets only Hanoi's afternoons (slots 09-16 of a day): some remote vendors have only those.
    const afternoon = (slot: string) => Number(slot.slice(3)) >= 9;
    expect(remote.some((p) => p.available.length > 0 && p.available.every(afternoon))).toBe(true);
    expect(vendors.filter((p) => p.onsite).every((p) => !p.available.every(afternoon))).toBe(true);
    const byId = new Map(inst.participants.map((p) => [p.id, p]));
    for (const mt of inst.meetings) {
      expect(mt.a).not.toBe(mt.b);
      if (!byId.get(mt.b)!.onsite) expect(mt.mode).toBe("online");
    }
    const pairs = new Set(inst.meetings.flatMap((mt) => (mt.languages ? [mt.languages.join("-")] : [])));
    expect([...pairs].sort()).toEqual(["vi-en", "vi-ja", "vi-ko", "vi-zh-Hant"]);
    expect(inst.meetings.filter((mt) => mt.languages).length).toBeGreaterThan(inst.interpreters.length * 32);
    expect(inst.meetings.some((mt) => mt.slots?.length === 1)).toBe(true);
    expect(inst.meetings.some((mt) => (mt.slots?.length ?? 0) > 1)).toBe(true);
    expect(inst.participants.some((p) => p.maxMeetings !== undefined)).toBe(true);
    // Skewed popularity: the most requested vendor gets far more than the median.
    const requests = new Map<string, number>();
    for (const mt of inst.meetings) requests.set(mt.b, (requests.get(mt.b) ?? 0) + 1);
    const counts = [...requests.values()].sort((x, y) => y - x);
    expect(counts[0]!).toBeGreaterThan(5 * counts[Math.floor(counts.length / 2)]!);
  });

  test("first-fit gives a feasible plan, and the solver a feasible one worth at least as much, within its bound", () => {
    const baseline = firstFit(inst);
    expect(checkSolution(inst, baseline).violations).toEqual([]);
    const result = solve(inst, { timeLimitMs: 1500 });
    const check = checkSolution(inst, result);
    expect(check.violations).toEqual([]);
    expect(result.breaks).toBe(check.breaks);
    expect(result.value).toBeGreaterThanOrEqual(baseline.value);
    expect(result.value).toBeLessThanOrEqual(result.upperBound);
  });

  test("a solve the clock cuts short at once still returns at least first-fit's plan", () => {
    let t = 0;
    const result = solve(inst, { timeLimitMs: 1, now: () => (t += 1000) });
    expect(checkSolution(inst, result).violations).toEqual([]);
    expect(result.value).toBeGreaterThanOrEqual(firstFit(inst).value);
  });
});
