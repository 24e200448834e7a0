import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { InstanceSchema, type Instance } from "./format";
import { checkSolution } from "./checker";
import { solve } from "./solver";

const example = InstanceSchema.parse(
  JSON.parse(readFileSync(path.resolve(__dirname, "../../../../../shared/formats/schedule-instance.example.json"), "utf8")),
);

describe("the independent checker", () => {
  const valid = {
    version: 1 as const,
    assignments: [
      { meeting: "M1", slot: "d1s01", mode: "onsite" as const, interpreter: "I1" },
      { meeting: "M4", slot: "d1s02", mode: "online" as const },
      { meeting: "M3", slot: "d1s03", mode: "onsite" as const, interpreter: null },
    ],
    unscheduled: ["M2", "M5"],
    value: 0,
    upperBound: 10,
  };

  test("accepts a feasible hand-made schedule, counting value and breaks", () => {
    const broken = { ...valid, assignments: [valid.assignments[0]!, valid.assignments[1]!], unscheduled: ["M2", "M3", "M5"] };
    expect(checkSolution(example, broken)).toMatchObject({ feasible: true, value: 0.92 + 0.8, breaks: 0 });
  });

  test.each([
    ["a meeting twice", { assignments: [...valid.assignments, valid.assignments[1]!] }, "appears 2 times"],
    [
      "an unavailable participant",
      { assignments: [{ ...valid.assignments[1]!, slot: "d1s01" }, valid.assignments[0]!, valid.assignments[2]!] },
      "not available",
    ],
    [
      "a missing interpreter",
      { assignments: [{ ...valid.assignments[0]!, interpreter: null }, valid.assignments[1]!, valid.assignments[2]!] },
      "needs an interpreter",
    ],
    [
      "a remote participant onsite",
      { assignments: [valid.assignments[0]!, { ...valid.assignments[1]!, mode: "onsite" as const }, valid.assignments[2]!] },
      "onsite with remote",
    ],
    [
      "an interpreter where none is needed",
      { assignments: [valid.assignments[0]!, { ...valid.assignments[1]!, interpreter: "I1" }, valid.assignments[2]!] },
      "none is needed",
    ],
  ])("rejects %s", (_name, change, message) => {
    const result = checkSolution(example, { ...valid, ...change });
    expect(result.feasible).toBe(false);
    expect(result.violations.join("\n")).toContain(message);
  });
});

const arbitraryInstance: fc.Arbitrary<Instance> = fc
  .record({
    slots: fc.integer({ min: 2, max: 8 }),
    participants: fc.integer({ min: 2, max: 8 }),
    tables: fc.integer({ min: 0, max: 3 }),
    rooms: fc.integer({ min: 0, max: 3 }),
    interpreters: fc.array(
      fc.record({
        langs: fc.subarray(["vi", "ja", "ko"], { minLength: 2 }),
        avail: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        busy: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      }),
      { maxLength: 2 },
    ),
    maxRun: fc.option(fc.integer({ min: 1, max: 3 })),
    people: fc.array(
      fc.record({
        avail: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        onsite: fc.boolean(),
        max: fc.option(fc.integer({ min: 0, max: 4 })),
      }),
      { minLength: 8, maxLength: 8 },
    ),
    meetings: fc.array(
      fc.record({
        a: fc.nat(7),
        b: fc.nat(7),
        value: fc.double({ min: 0.1, max: 2, noNaN: true }),
        mode: fc.constantFrom("onsite", "online", "either"),
        needs: fc.boolean(),
        only: fc.option(fc.nat(7)),
      }),
      { maxLength: 20 },
    ),
  })
  .map((r) => {
    // Four back-to-back half hours a day (so interpreters' runs can grow), the third day's with a gap before the last.
    const at = (i: number, end: number) =>
      new Date(Date.UTC(2026, 11, 10 + Math.floor(i / 4), 2, (i % 4) * 30 + end + (i >= 8 && i % 4 === 3 ? 30 : 0))).toISOString();
    const slots = Array.from({ length: r.slots }, (_, i) => ({ id: `s${i}`, start: at(i, 0), end: at(i, 30) }));
    const pick = (flags: boolean[]) => slots.filter((_, i) => flags[i]).map((s) => s.id);
    return {
      version: 1 as const,
      slots,
      onsiteTables: r.tables,
      onlineRooms: r.rooms,
      ...(r.maxRun !== null ? { interpreterMaxRun: r.maxRun } : {}),
      interpreters: r.interpreters.map((it, i) => ({
        id: `I${i}`,
        languages: it.langs,
        available: pick(it.avail),
        ...(r.maxRun !== null ? { busy: pick(it.busy) } : {}),
      })),
      participants: Array.from({ length: r.participants }, (_, i) => ({
        id: `P${i}`,
        available: pick(r.people[i]!.avail),
        onsite: r.people[i]!.onsite,
        ...(r.people[i]!.max !== null ? { maxMeetings: r.people[i]!.max! } : {}),
      })),
      meetings: r.meetings
        .map((m, i) => ({ ...m, a: m.a % r.participants, b: m.b % r.participants, i }))
        .filter((m) => m.a !== m.b)
        .map((m) => ({
          id: `M${m.i}`,
          a: `P${m.a}`,
          b: `P${m.b}`,
          value: m.value,
          mode: m.mode as "onsite" | "online" | "either",
          languages: m.needs ? (["vi", "ja"] as [string, string]) : null,
          ...(m.only !== null && m.only < r.slots ? { slots: [`s${m.only}`] } : {}),
        })),
    };
  });

describe("the solver", () => {
  test("solves the example feasibly, within its bound", () => {
    const result = solve(example, { timeLimitMs: 200 });
    const check = checkSolution(example, result);
    expect(check.violations).toEqual([]);
    expect(result.value).toBeCloseTo(check.value);
    expect(result.value).toBeLessThanOrEqual(result.upperBound);
  });

  test("always returns a feasible plan, within its bound, for instances of many shapes", () => {
    fc.assert(
      fc.property(arbitraryInstance, fc.integer({ min: 1, max: 1000 }), (inst, seed) => {
        const result = solve(inst, { timeLimitMs: 30, seed });
        const check = checkSolution(inst, result);
        expect(check.violations).toEqual([]);
        expect(result.value).toBeCloseTo(check.value, 6);
        expect(result.value).toBeLessThanOrEqual(result.upperBound + 1e-9);
        expect(result.breaks).toBe(check.breaks);
      }),
      { numRuns: 150 },
    );
  });
});
