import type { Instance } from "./format";
import { buildModel } from "./model";
import { BREAK_COST, IDLE_SLOT_COST, NONE, ScheduleState } from "./state";
import { closeGap } from "./breakSearch";
import { checkSolution } from "./checker";
import { toSolution } from "./firstFit";
import { createRandom } from "../random";

/** `days` days of `perDay` 20-minute slots from 08:00 Hanoi (01:00 UTC), everyone always available. */
function fair(days: number, perDay: number, participants: number, meetings: [number, number][]): Instance {
  const slots = Array.from({ length: days * perDay }, (_, i) => {
    const at = (minute: number) => new Date(Date.UTC(2001, 11, 10 + Math.floor(i / perDay), 1, minute)).toISOString();
    const minute = (i % perDay) * 20;
    return { id: `s${i}`, start: at(minute), end: at(minute + 20) };
  });
  const ids = slots.map((s) => s.id);
  return {
    version: 1,
    slots,
    onsiteTables: 50,
    onlineRooms: 0,
    interpreters: [],
    participants: Array.from({ length: participants }, (_, i) => ({ id: `P${i}`, available: ids, onsite: true })),
    meetings: meetings.map(([a, b], i) => ({ id: `M${i}`, a: `P${a}`, b: `P${b}`, value: 1, mode: "onsite" as const })),
  };
}

/** p's cost (state.ts) by a plain scan of its slots: a break per idle run inside a day, and its idle slots. */
function scannedCost(st: ScheduleState, p: number): number {
  const { m } = st;
  let total = 0;
  let last = NONE;
  for (let s = 0; s < m.S; s++) {
    if (st.busy[p * m.S + s] === NONE) continue;
    if (last !== NONE && m.day[s] === m.day[last] && s - last > 1) total += BREAK_COST + IDLE_SLOT_COST * (s - last - 1);
    last = s;
  }
  return total;
}

describe("bit masks per day", () => {
  test("are used when each day has at most 32 slots, whatever the total, and not beyond", () => {
    expect(new ScheduleState(buildModel(fair(3, 32, 2, []))).useMasks).toBe(true);
    expect(new ScheduleState(buildModel(fair(1, 33, 2, []))).useMasks).toBe(false);
  });

  test("keep breaks and costs equal to a plain scan and to the checker through random changes, and price moves exactly", () => {
    const random = createRandom(5);
    const P = 12;
    const pairs: [number, number][] = [];
    for (let i = 0; i < 120; i++) {
      const a = random.int(0, P - 1);
      pairs.push([a, (a + random.int(1, P - 1)) % P]);
    }
    const inst = fair(3, 32, P, pairs);
    const m = buildModel(inst);
    const st = new ScheduleState(m);
    expect(st.useMasks).toBe(true);
    for (let step = 0; step < 3000; step++) {
      const k = random.int(0, m.M - 1);
      if (st.slotOf[k] !== NONE && random.chance(0.4)) st.remove(k);
      else if (st.slotOf[k] === NONE) {
        const s = random.int(0, m.S - 1);
        if (st.participantsFit(k, s)) st.place(k, s, 0, NONE);
      } else {
        // Price a move of k to a free slot, then make it: the priced change is the change.
        const from = st.slotOf[k]!;
        const to = random.int(0, m.S - 1);
        if (!st.participantsFit(k, to)) continue;
        const a = m.mA[k]!;
        const b = m.mB[k]!;
        const priced = st.moveCost(a, from, to) + st.moveCost(b, from, to);
        const before = scannedCost(st, a) + scannedCost(st, b);
        st.remove(k);
        st.place(k, to, 0, NONE);
        expect(scannedCost(st, a) + scannedCost(st, b) - before).toBe(priced);
      }
      if (step % 100 === 0) {
        for (let p = 0; p < P; p++) expect(st.costOf(p)).toBe(scannedCost(st, p));
        expect(st.totalBreaks()).toBe(checkSolution(inst, toSolution(inst, st, 0)).breaks);
      }
    }
    expect(st.scheduled).toBeGreaterThan(20);
  });
});

describe("closeGap", () => {
  // P0 meets P1 at slot 0 and P2 at slot 5 of day 1: one break of 4 idle slots. P1 and P2 meet no one else.
  const inst = fair(2, 12, 3, [
    [0, 1],
    [0, 2],
  ]);

  function plan() {
    const st = new ScheduleState(buildModel(inst));
    st.place(0, 0, 0, NONE);
    st.place(1, 5, 0, NONE);
    return st;
  }

  test("moves a meeting at the edge of a break next to the other side, and the break is gone", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const st = plan();
      const random = createRandom(seed);
      const delta = closeGap(st, 0, random.next, () => true);
      expect(delta).not.toBeNull();
      // Either meeting may move, to the far side or one slot in; when it lands next to the other, no break is left.
      const slots = [st.slotOf[0]!, st.slotOf[1]!].sort((x, y) => x - y);
      expect(st.costOf(0) - (BREAK_COST + 4 * IDLE_SLOT_COST)).toBe(delta);
      expect(slots[1]! - slots[0]!).toBeLessThan(5);
      expect(checkSolution(inst, toSolution(inst, st, 0)).violations).toEqual([]);
    }
    // The four choices include closing it: some seed does.
    const closed = [1, 2, 3, 4, 5, 6, 7, 8].some((seed) => {
      const st = plan();
      closeGap(st, 0, createRandom(seed).next, () => true);
      return st.totalBreaks() === 0;
    });
    expect(closed).toBe(true);
  });

  test("leaves the plan as it was when the move is refused, and does nothing for a participant without breaks", () => {
    const st = plan();
    expect(closeGap(st, 0, createRandom(1).next, () => false)).toBeNull();
    expect([st.slotOf[0], st.slotOf[1], st.totalBreaks()]).toEqual([0, 5, 1]);
    expect(closeGap(st, 1, createRandom(1).next, () => true)).toBeNull();
    expect([st.slotOf[0], st.slotOf[1]]).toEqual([0, 5]);
  });
});
