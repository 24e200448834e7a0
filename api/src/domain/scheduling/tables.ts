import type { Instance, Solution } from "./format";
import { slotDays } from "./slotDays";

/**
 * Names a table (1..onsiteTables) for every onsite meeting of a plan. Tables are alike for every
 * rule of the plan, so this changes nothing else; it decides how far interpreters walk. Slot by
 * slot: an interpreter's meeting right after another of hers takes that meeting's table or the
 * nearest free one (she stays put and the firms come to her); the first of her run takes a free
 * table from the top, away from the low numbers the other meetings take, so her next slot finds
 * her table free; the other onsite meetings take what is left, lowest first. `fixed`: tables
 * meetings already hold (booked before the plan), taken first.
 */
export function assignTables(inst: Instance, sol: Solution, fixed: ReadonlyMap<string, number> = new Map()): Solution {
  const tables = inst.onsiteTables;
  const slotIndex = new Map(inst.slots.map((s, i) => [s.id, i]));
  // Back to back as the checker counts walks: without a gap, on one day of the fair's zone.
  const days = slotDays(inst);
  const follows = inst.slots.map((s, i) => i > 0 && days[i] === days[i - 1] && Date.parse(s.start) === Date.parse(inst.slots[i - 1]!.end));
  const bySlot: number[][] = inst.slots.map(() => []);
  sol.assignments.forEach((a, j) => {
    const s = slotIndex.get(a.slot);
    if (s !== undefined && a.mode === "onsite") bySlot[s]!.push(j);
  });
  const table = new Array<number | undefined>(sol.assignments.length);
  /** Per interpreter: the table of her meeting in the slot before (when it was onsite). */
  let previous = new Map<string, number>();
  bySlot.forEach((held, s) => {
    const taken = new Uint8Array(tables + 2);
    const take = (j: number, t: number) => {
      taken[t] = 1;
      table[j] = t;
    };
    const nearest = (want: number) => {
      for (let d = 0; d < tables; d++) {
        if (want - d >= 1 && !taken[want - d]) return want - d;
        if (want + d <= tables && !taken[want + d]) return want + d;
      }
      return 0;
    };
    for (const j of held) {
      const t = fixed.get(sol.assignments[j]!.meeting);
      if (t !== undefined && t >= 1 && t <= tables && !taken[t]) take(j, t);
    }
    const interpreted = held.filter((j) => sol.assignments[j]!.interpreter && table[j] === undefined);
    const goesOn = (j: number) => (follows[s] ? previous.get(sol.assignments[j]!.interpreter!) : undefined);
    for (const j of interpreted) {
      const want = goesOn(j);
      if (want !== undefined) take(j, nearest(want));
    }
    for (const j of interpreted) if (table[j] === undefined) take(j, nearest(tables));
    let next = 1;
    for (const j of held) {
      if (table[j] !== undefined) continue;
      while (taken[next]) next++;
      take(j, next);
    }
    previous = new Map(interpreted.map((j) => [sol.assignments[j]!.interpreter!, table[j]!]));
  });
  return {
    ...sol,
    assignments: sol.assignments.map((a, j) => {
      const { table: _old, ...rest } = a;
      return table[j] ? { ...rest, table: table[j] } : rest;
    }),
  };
}
