import type { Instance } from "./format";
import { buildModel } from "./model";
import { NONE, ScheduleState } from "./state";
import { bestSlot, kempeSwap, moveToBest, swapPair } from "./breakSearch";
import { staticSlots } from "./valueSearch";
import { createRandom } from "../random";

/**
 * A random instance with `slots` slots over two days (more than 32 on a day: no bit masks), its
 * interpreters at most `maxRun` meetings in a row when given (one already booked in a few slots).
 */
function randomInstance(seed: number, slots: number, maxRun?: number): Instance {
  const random = createRandom(seed);
  const half = Math.ceil(slots / 2);
  const slotList = Array.from({ length: slots }, (_, i) => {
    const day = i < half ? 10 : 11;
    const minute = (i % half) * 30;
    const at = (m: number) => new Date(Date.UTC(2026, 11, day, 1, m)).toISOString();
    return { id: `s${i}`, start: at(minute), end: at(minute + 30) };
  });
  const ids = slotList.map((s) => s.id);
  const participants = Array.from({ length: 24 }, (_, i) => ({
    id: `P${i}`,
    available: ids.filter(() => random.chance(0.8)),
    onsite: random.chance(0.8),
    ...(random.chance(0.2) ? { maxMeetings: random.int(2, 8) } : {}),
  }));
  const meetings = Array.from({ length: 140 }, (_, i) => {
    const a = random.int(0, 23);
    const b = (a + random.int(1, 23)) % 24;
    return {
      id: `M${i}`,
      a: `P${a}`,
      b: `P${b}`,
      value: 0.5 + random.next(),
      mode: random.pick(["onsite", "online", "either"] as const),
      languages: random.chance(0.3) ? (["vi", "ja"] as [string, string]) : null,
    };
  });
  const interpreters = Array.from({ length: 3 }, (_, i) => ({
    id: `I${i}`,
    languages: ["vi", "ja"],
    available: ids.filter(() => random.chance(0.7)),
    ...(i === 0 ? { busy: ids.filter(() => random.chance(0.15)) } : {}),
  }));
  return {
    version: 1,
    slots: slotList,
    onsiteTables: 4,
    onlineRooms: 3,
    ...(maxRun ? { interpreterMaxRun: maxRun } : {}),
    interpreters,
    participants,
    meetings,
  };
}

/** The plan's total break cost, recomputed from scratch. */
function totalCost(st: ScheduleState): number {
  let total = 0;
  for (let p = 0; p < st.m.P; p++) total += st.costOf(p);
  return total;
}

describe.each([
  ["with bit masks (12 slots)", 12, undefined, true],
  ["with a bit mask per day (40 slots, 20 a day)", 40, undefined, true],
  ["without (80 slots, 40 on a day)", 80, undefined, false],
  ["with bit masks, interpreters at most 2 in a row", 12, 2, true],
  ["with a bit mask per day, interpreters at most 2 in a row", 40, 2, true],
  ["without bit masks, interpreters at most 2 in a row", 80, 2, false],
])("break moves %s", (_name, slots, maxRun, masks) => {
  test("report the change in cost the plan then has, and leave the plan as it was when not taken", () => {
    for (let seed = 1; seed <= 4; seed++) {
      const m = buildModel(randomInstance(seed, slots, maxRun));
      const st = new ScheduleState(m);
      const allowed = staticSlots(m);
      for (let k = 0; k < m.M; k++) {
        const best = bestSlot(st, k, false, allowed[k]);
        if (best) st.place(k, best.s, best.mode, best.interp);
      }
      expect(st.useMasks).toBe(masks);
      const random = createRandom(seed);
      const held = () => Array.from({ length: m.M }, (_, k) => k).filter((k) => st.slotOf[k] !== NONE);
      let taken = 0;
      for (let step = 0; step < 600; step++) {
        const list = held();
        const k = list[Math.floor(random.next() * list.length)]!;
        const before = totalCost(st);
        const plan = st.snapshot();
        const take = random.next() < 0.5;
        let offered: number | null = null;
        const accept = (delta: number) => {
          offered = delta;
          return take;
        };
        const kind = step % 3;
        let made: boolean;
        if (kind === 0) made = kempeSwap(st, k, Math.floor(random.next() * m.S), accept) !== null;
        else if (kind === 1) made = moveToBest(st, k, accept, allowed[k]) !== null;
        else {
          const p = m.mA[k]!;
          const mine = list.filter((j) => m.mA[j] === p || m.mB[j] === p);
          made = swapPair(st, k, mine[Math.floor(random.next() * mine.length)]!, accept);
        }
        // A move is made only when taken (and, with a run limit, when the interpreters' runs allow it).
        if (made) expect([offered !== null, take]).toEqual([true, true]);
        expect(st.runsWithinLimit()).toBe(true);
        if (made) {
          taken++;
          expect(totalCost(st) - before).toBe(offered);
        } else {
          expect(Buffer.compare(Buffer.from(st.slotOf.buffer), Buffer.from(plan.slotOf.buffer))).toBe(0);
          expect(totalCost(st)).toBe(before);
        }
        // Moves keep the plan's counters true.
        for (let s = 0; s < m.S && step % 10 === 0; s++) {
          let on = 0;
          let off = 0;
          for (let c = 0; c < m.M; c++) if (st.slotOf[c] === s) st.modeOf[c] === 0 ? on++ : off++;
          expect([st.onsite[s], st.online[s]]).toEqual([on, off]);
          expect(on).toBeLessThanOrEqual(m.tables);
          expect(off).toBeLessThanOrEqual(m.rooms);
        }
      }
      expect(taken).toBeGreaterThan(5);
    }
  });
});
