import type { Instance, Solution } from "./format";
import { checkSolution } from "./checker";
import { solve } from "./solver";
import { assignTables } from "./tables";
import { firstFit } from "./firstFit";

/**
 * The demo's case: one Korean interpreter, fourteen back-to-back half hours (a lunch gap after the
 * eighth), and fourteen firms each asking a Korean-only vendor: every meeting needs her.
 */
function interpreterDay(maxRun?: number, busy: string[] = []): Instance {
  const slot = (i: number) => {
    const minute = i * 30 + (i >= 8 ? 60 : 0); // 08:00-12:00, then 13:00-16:00 (Hanoi)
    const at = (m: number) => new Date(Date.UTC(2026, 11, 10, 1, m)).toISOString();
    return { id: `d1s${String(i + 1).padStart(2, "0")}`, start: at(minute), end: at(minute + 30) };
  };
  const slots = Array.from({ length: 14 }, (_, i) => slot(i));
  const all = slots.map((s) => s.id);
  return {
    version: 1,
    slots,
    onsiteTables: 20,
    onlineRooms: 5,
    ...(maxRun ? { interpreterMaxRun: maxRun } : {}),
    interpreters: [{ id: "KO", languages: ["vi", "ko"], available: all.filter((s) => !busy.includes(s)), ...(busy.length ? { busy } : {}) }],
    participants: [
      ...Array.from({ length: 14 }, (_, i) => ({ id: `VN${i}`, available: all, onsite: true })),
      ...Array.from({ length: 14 }, (_, i) => ({ id: `KR${i}`, available: all, onsite: true })),
      // Firms with a common language keep the other tables busy.
      ...Array.from({ length: 20 }, (_, i) => ({ id: `EN${i}`, available: all, onsite: true })),
    ],
    meetings: [
      ...Array.from({ length: 14 }, (_, i) => ({
        id: `K${i}`,
        a: `VN${i}`,
        b: `KR${i}`,
        value: 1,
        mode: "onsite" as const,
        languages: ["vi", "ko"] as [string, string],
      })),
      ...Array.from({ length: 40 }, (_, i) => ({
        id: `E${i}`,
        a: `EN${i % 20}`,
        b: `EN${(i * 7 + 3) % 20}`,
        value: 0.5,
        mode: "onsite" as const,
      })).filter((m) => m.a !== m.b),
    ],
  };
}

/** The interpreter's meetings in slot order. */
const hers = (inst: Instance, sol: Solution) => {
  const order = new Map(inst.slots.map((s, i) => [s.id, i]));
  return sol.assignments.filter((a) => a.interpreter === "KO").sort((x, y) => order.get(x.slot)! - order.get(y.slot)!);
};

describe("an interpreter's meetings back to back", () => {
  test("without a limit in the file (the format as it was), she works every slot before and after lunch", () => {
    const inst = interpreterDay();
    const result = solve(inst, { timeLimitMs: 300 });
    const check = checkSolution(inst, result);
    expect(check.violations).toEqual([]);
    expect(hers(inst, result)).toHaveLength(14);
    expect(check.interpreters.longestRun).toBe(8);
    expect(check.interpreters.runsAtCap).toBe(0);
  });

  test("with interpreterMaxRun 3 she never has more than three in a row: eleven of the fourteen (3, 3, 2 | 3), a pause after each run", () => {
    const inst = interpreterDay(3);
    for (const seed of [1, 2, 3]) {
      const result = solve(inst, { timeLimitMs: 300, seed });
      const check = checkSolution(inst, result);
      expect(check.violations).toEqual([]);
      expect(check.interpreters.longestRun).toBe(3);
      // 8 slots before lunch hold at most 6 (3 + pause + 3 + pause), the 6 after at most 5 (3 + pause + 2).
      expect(hers(inst, result).length).toBeLessThanOrEqual(11);
      expect(hers(inst, result).length).toBeGreaterThanOrEqual(10);
      expect(check.interpreters.runsAtCap).toBeGreaterThanOrEqual(3);
    }
    // The first-fit baseline keeps the rule too.
    const baseline = firstFit(inst);
    expect(checkSolution(inst, baseline).violations).toEqual([]);
  });

  test("meetings booked before the plan count in her runs, and a run of them alone stands", () => {
    // Booked in 09:00-10:30 (three in a row): the plan may not put her in 08:30 or 10:30.
    const inst = interpreterDay(3, ["d1s03", "d1s04", "d1s05"]);
    const result = solve(inst, { timeLimitMs: 300 });
    const check = checkSolution(inst, result);
    expect(check.violations).toEqual([]);
    expect(hers(inst, result).map((a) => a.slot)).not.toEqual(expect.arrayContaining(["d1s02"]));
    expect(hers(inst, result).map((a) => a.slot)).not.toEqual(expect.arrayContaining(["d1s06"]));
    // Four booked in a row are not the plan's doing: a plan with nothing of hers next to them is fine.
    const over = interpreterDay(3, ["d1s03", "d1s04", "d1s05", "d1s06"]);
    expect(
      checkSolution(over, { version: 1, assignments: [], unscheduled: over.meetings.map((m) => m.id), value: 0, upperBound: 0 }).violations,
    ).toEqual([]);
  });

  test("the checker refuses a fourth meeting in a row, naming the interpreter, and does not count across lunch", () => {
    const inst = interpreterDay(3);
    const at = (k: number, slot: number) => ({ meeting: `K${k}`, slot: inst.slots[slot]!.id, mode: "onsite" as const, interpreter: "KO" });
    const sol = (slots: number[]): Solution => ({
      version: 1,
      assignments: slots.map((s, k) => at(k, s)),
      unscheduled: inst.meetings.map((m) => m.id).filter((id) => !slots.some((_, k) => id === `K${k}`)),
      value: 0,
      upperBound: 0,
    });
    const four = checkSolution(inst, sol([0, 1, 2, 3]));
    expect(four.feasible).toBe(false);
    expect(four.conflicts).toContainEqual(expect.objectContaining({ rule: "interpreterRun", interpreter: "KO" }));
    expect(four.violations.join("\n")).toContain("4 meetings in a row");
    // 11:00, 11:30 | lunch | 13:00, 13:30: two runs of two.
    expect(checkSolution(inst, sol([6, 7, 8, 9])).violations).toEqual([]);
  });

  test("tables: her meetings back to back share a table while the others fill the rest", () => {
    const inst = interpreterDay(3);
    const result = solve(inst, { timeLimitMs: 300 });
    const check = checkSolution(inst, result);
    expect(check.violations).toEqual([]);
    expect(check.interpreters.tableSteps).toBeGreaterThan(0);
    expect(check.interpreters.averageTableDistance).toBe(0);
    // Every onsite meeting has a table, none twice in a slot (the checker's rule), none online.
    expect(result.assignments.every((a) => (a.mode === "onsite") === (a.table !== undefined))).toBe(true);
  });

  test("assignTables keeps her at her table when another meeting would take it in slot order, and moves her to the nearest free one when it must", () => {
    const inst: Instance = { ...interpreterDay(), onsiteTables: 3 };
    const sol: Solution = {
      version: 1,
      assignments: [
        { meeting: "E0", slot: "d1s01", mode: "onsite" },
        { meeting: "K0", slot: "d1s01", mode: "onsite", interpreter: "KO" },
        { meeting: "E1", slot: "d1s02", mode: "onsite" },
        { meeting: "E2", slot: "d1s02", mode: "onsite" },
        { meeting: "K1", slot: "d1s02", mode: "onsite", interpreter: "KO" },
      ],
      unscheduled: [],
      value: 0,
      upperBound: 0,
    };
    const tabled = assignTables(inst, sol);
    const table = (id: string) => tabled.assignments.find((a) => a.meeting === id)!.table;
    expect(table("K0")).toBe(3); // the first of her run: from the top
    expect(table("K1")).toBe(3); // the next: the same table, though E1 and E2 come first in the list
    expect([table("E1"), table("E2")].sort()).toEqual([1, 2]);
    // A meeting booked before the plan keeps its table (3 in slot 2): she moves to the nearest free one.
    const around = assignTables(inst, sol, new Map([["E2", 3]]));
    const at = (id: string) => around.assignments.find((a) => a.meeting === id)!.table;
    expect([at("K0"), at("E2"), at("K1"), at("E1")]).toEqual([3, 3, 2, 1]);
    expect(checkSolution(inst, around).interpreters).toMatchObject({ tableSteps: 1, averageTableDistance: 1 });
  });
});
