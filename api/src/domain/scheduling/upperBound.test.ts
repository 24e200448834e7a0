import fc from "fast-check";
import type { Instance } from "./format";
import { slotBlocks, upperBound } from "./upperBound";
import { buildModel } from "./model";
import { solve } from "./solver";
import { checkSolution } from "./checker";

/** The best value of a tiny instance by exhaustive search (written apart from the solver and the bound). */
function exactOptimum(inst: Instance): number {
  const people = new Map(inst.participants.map((p) => [p.id, p]));
  const busy = new Set<string>();
  const count = new Map<string, number>();
  const used = new Map<string, number>(); // slot/mode -> meetings
  const interpBusy = new Set<string>();
  let best = 0;
  const visit = (i: number, value: number) => {
    if (i === inst.meetings.length) {
      best = Math.max(best, value);
      return;
    }
    visit(i + 1, value); // leave it out
    const mt = inst.meetings[i]!;
    const a = people.get(mt.a)!;
    const b = people.get(mt.b)!;
    if ((count.get(a.id) ?? 0) >= (a.maxMeetings ?? Infinity) || (count.get(b.id) ?? 0) >= (b.maxMeetings ?? Infinity)) return;
    for (const slot of inst.slots) {
      const s = slot.id;
      if (mt.slots && !mt.slots.includes(s)) continue;
      if (!a.available.includes(s) || !b.available.includes(s) || busy.has(`${a.id}@${s}`) || busy.has(`${b.id}@${s}`)) continue;
      for (const mode of ["onsite", "online"] as const) {
        if (mt.mode !== "either" && mt.mode !== mode) continue;
        if (mode === "onsite" && !(a.onsite && b.onsite)) continue;
        if ((used.get(`${s}/${mode}`) ?? 0) >= (mode === "onsite" ? inst.onsiteTables : inst.onlineRooms)) continue;
        const interpreters = mt.languages
          ? inst.interpreters.filter(
              (it) => mt.languages!.every((l) => it.languages.includes(l)) && it.available.includes(s) && !interpBusy.has(`${it.id}@${s}`),
            )
          : [null];
        for (const it of interpreters) {
          busy.add(`${a.id}@${s}`).add(`${b.id}@${s}`);
          count.set(a.id, (count.get(a.id) ?? 0) + 1).set(b.id, (count.get(b.id) ?? 0) + 1);
          used.set(`${s}/${mode}`, (used.get(`${s}/${mode}`) ?? 0) + 1);
          if (it) interpBusy.add(`${it.id}@${s}`);
          visit(i + 1, value + mt.value);
          busy.delete(`${a.id}@${s}`);
          busy.delete(`${b.id}@${s}`);
          count.set(a.id, count.get(a.id)! - 1).set(b.id, count.get(b.id)! - 1);
          used.set(`${s}/${mode}`, used.get(`${s}/${mode}`)! - 1);
          if (it) interpBusy.delete(`${it.id}@${s}`);
        }
      }
    }
  };
  visit(0, 0);
  return best;
}

const tinyInstance: fc.Arbitrary<Instance> = fc
  .record({
    slots: fc.integer({ min: 1, max: 3 }),
    // Back to back, the slots form one block, which the bound searches first (upperBound.ts).
    backToBack: fc.boolean(),
    people: fc.array(
      fc.record({
        avail: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        onsite: fc.boolean(),
        max: fc.option(fc.integer({ min: 0, max: 3 })),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    tables: fc.integer({ min: 0, max: 2 }),
    rooms: fc.integer({ min: 0, max: 2 }),
    interpreters: fc.array(
      fc.record({ langs: fc.subarray(["vi", "ja", "ko"], { minLength: 2 }), avail: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }) }),
      { maxLength: 2 },
    ),
    meetings: fc.array(
      fc.record({
        a: fc.nat(3),
        b: fc.nat(3),
        value: fc.double({ min: 0.1, max: 3, noNaN: true }),
        mode: fc.constantFrom("onsite", "online", "either"),
        langs: fc.constantFrom(null, ["vi", "ja"], ["vi", "ko"]),
        only: fc.option(fc.nat(2)),
      }),
      { maxLength: 6 },
    ),
  })
  .map((r) => {
    const slots = Array.from({ length: r.slots }, (_, i) => ({
      id: `s${i}`,
      start: `2026-12-10T0${2 + i}:00:00Z`,
      end: r.backToBack ? `2026-12-10T0${3 + i}:00:00Z` : `2026-12-10T0${2 + i}:30:00Z`,
    }));
    const pick = (flags: boolean[]) => slots.filter((_, i) => flags[i]).map((s) => s.id);
    const n = r.people.length;
    return {
      version: 1 as const,
      slots,
      onsiteTables: r.tables,
      onlineRooms: r.rooms,
      interpreters: r.interpreters.map((it, i) => ({ id: `I${i}`, languages: it.langs, available: pick(it.avail) })),
      participants: r.people.map((p, i) => ({
        id: `P${i}`,
        available: pick(p.avail),
        onsite: p.onsite,
        ...(p.max !== null ? { maxMeetings: p.max } : {}),
      })),
      meetings: r.meetings
        .map((m, i) => ({ ...m, a: m.a % n, b: m.b % n, i }))
        .filter((m) => m.a !== m.b)
        .map((m) => ({
          id: `M${m.i}`,
          a: `P${m.a}`,
          b: `P${m.b}`,
          value: m.value,
          mode: m.mode as "onsite" | "online" | "either",
          languages: m.langs as [string, string] | null,
          ...(m.only !== null && m.only < r.slots ? { slots: [`s${m.only}`] } : {}),
        })),
    };
  });

describe("the upper bound", () => {
  test("is at least the exact optimum on tiny instances (exhaustive search), and at least what the solver finds", () => {
    fc.assert(
      fc.property(tinyInstance, (inst) => {
        const optimum = exactOptimum(inst);
        const bound = upperBound(inst, { timeLimitMs: 200 }).bound;
        expect(bound).toBeGreaterThanOrEqual(optimum - 1e-9);
        // With no time at all (the slot-free bound stands in for the blocks' search when blocks exist).
        expect(upperBound(inst, { timeLimitMs: 0 }).bound).toBeGreaterThanOrEqual(optimum - 1e-9);
        const result = solve(inst, { timeLimitMs: 20 });
        expect(checkSolution(inst, result).feasible).toBe(true);
        expect(result.value).toBeLessThanOrEqual(optimum + 1e-9);
        expect(result.upperBound).toBeGreaterThanOrEqual(optimum - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  test("is below the plain sum when a participant is the bottleneck, and equals the optimum there", () => {
    // One vendor, one slot, three requests: only the most valuable can be held.
    const inst: Instance = {
      version: 1,
      slots: [{ id: "s0", start: "2026-12-10T02:00:00Z", end: "2026-12-10T02:30:00Z" }],
      onsiteTables: 5,
      onlineRooms: 0,
      interpreters: [],
      participants: ["V", "A", "B", "C"].map((id) => ({ id, available: ["s0"], onsite: true })),
      meetings: [
        { id: "M1", a: "A", b: "V", value: 3, mode: "onsite" },
        { id: "M2", a: "B", b: "V", value: 2, mode: "onsite" },
        { id: "M3", a: "C", b: "V", value: 1, mode: "either" },
      ],
    };
    const result = upperBound(inst);
    expect(result.trivial).toBe(6);
    expect(result.bound).toBeCloseTo(3, 6);
  });

  test("searches blocks of consecutive slots, then the slots: three meetings of one participant that all want the first slot", () => {
    // Back-to-back slots make one block, where A has three available slots: summed over the block,
    // all three meetings fit (6); only the slots' search sees that they share one slot (3).
    const slots = ["s0", "s1", "s2"].map((id, i) => ({ id, start: `2026-12-10T0${2 + i}:00:00Z`, end: `2026-12-10T0${3 + i}:00:00Z` }));
    const inst: Instance = {
      version: 1,
      slots,
      onsiteTables: 5,
      onlineRooms: 0,
      interpreters: [],
      participants: ["A", "B", "C", "D"].map((id) => ({ id, available: ["s0", "s1", "s2"], onsite: true })),
      meetings: [
        { id: "M1", a: "A", b: "B", value: 3, mode: "onsite", slots: ["s0"] },
        { id: "M2", a: "A", b: "C", value: 2, mode: "onsite", slots: ["s0"] },
        { id: "M3", a: "A", b: "D", value: 1, mode: "onsite", slots: ["s0"] },
      ],
    };
    expect(slotBlocks(buildModel(inst))).toEqual({ blockOf: Int32Array.from([0, 0, 0]), blocks: 1 });
    expect(upperBound(inst).bound).toBeCloseTo(3, 6);
    // Also a few steps from the blocks' multipliers, when the slots get no time of their own.
    expect(upperBound(inst, { slotTimeLimitMs: 0 }).bound).toBeCloseTo(3, 6);
  });

  test("the blocks' bound alone: two blocks of back-to-back slots, a participant's cap the bottleneck", () => {
    // s0-s1 and s2 (after a gap): two blocks. V holds at most two meetings, the two most valuable.
    const slots = [
      { id: "s0", start: "2026-12-10T02:00:00Z", end: "2026-12-10T02:30:00Z" },
      { id: "s1", start: "2026-12-10T02:30:00Z", end: "2026-12-10T03:00:00Z" },
      { id: "s2", start: "2026-12-10T04:00:00Z", end: "2026-12-10T04:30:00Z" },
    ];
    const inst: Instance = {
      version: 1,
      slots,
      onsiteTables: 5,
      onlineRooms: 0,
      interpreters: [],
      participants: [
        { id: "V", available: ["s0", "s1", "s2"], onsite: true, maxMeetings: 2 },
        ...["A", "B", "C"].map((id) => ({ id, available: ["s0", "s1", "s2"], onsite: true })),
      ],
      meetings: [
        { id: "M1", a: "A", b: "V", value: 3, mode: "onsite" },
        { id: "M2", a: "B", b: "V", value: 2, mode: "onsite" },
        { id: "M3", a: "C", b: "V", value: 1, mode: "onsite" },
      ],
    };
    expect(slotBlocks(buildModel(inst))).toEqual({ blockOf: Int32Array.from([0, 0, 1]), blocks: 2 });
    const result = upperBound(inst);
    expect(result.bound).toBeCloseTo(5, 6);
    // The guide says which meetings the relaxation holds: the two most valuable, not the third.
    const held = [0, 1, 2].map((k) => result.guide.weight.slice(result.guide.optStart[k], result.guide.optStart[k + 1]).reduce((a, b) => a + b, 0));
    expect(held[0]).toBeGreaterThan(held[2]!);
    expect(held[1]).toBeGreaterThan(held[2]!);
  });

  test("counts interpreters: two meetings needing the only vi-ja interpreter in one slot", () => {
    const inst: Instance = {
      version: 1,
      slots: [{ id: "s0", start: "2026-12-10T02:00:00Z", end: "2026-12-10T02:30:00Z" }],
      onsiteTables: 5,
      onlineRooms: 5,
      interpreters: [{ id: "I1", languages: ["vi", "ja"], available: ["s0"] }],
      participants: ["A", "B", "C", "D"].map((id) => ({ id, available: ["s0"], onsite: true })),
      meetings: [
        { id: "M1", a: "A", b: "B", value: 2, mode: "either", languages: ["vi", "ja"] },
        { id: "M2", a: "C", b: "D", value: 1, mode: "either", languages: ["ja", "vi"] },
      ],
    };
    expect(upperBound(inst).bound).toBeCloseTo(2, 3);
  });
});
