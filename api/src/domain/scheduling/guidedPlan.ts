import type { Model } from "./model";
import { ScheduleState } from "./state";
import type { Random } from "../random";
import type { BoundResult } from "./upperBound";
import { ValueSearch } from "./valueSearch";
import { bestSlot } from "./breakSearch";

/**
 * The orders tried (see guidedOrders): by how often the relaxation holds a meeting rounded to a few
 * levels, then by value; and by that frequency times the value. Which does best varies with the
 * bound's last steps (Hanoi: up to 3 apart, of about 2,813), so each is built and the best kept
 * (each costs 10-30 ms there). By the frequency itself, then by value, came last of them every time
 * (Hanoi: 2,789 to 2,805).
 */
const LEVELS = [2, 5, 20];

/** How often the relaxation held each meeting (in any slot) over the steps the guide counts. */
export function heldFrequency(m: Model, guide: BoundResult["guide"]): Float64Array {
  const frequency = new Float64Array(m.M);
  for (let k = 0; k < m.M; k++) for (let o = guide.optStart[k]!; o < guide.optStart[k + 1]!; o++) frequency[k]! += guide.weight[o]!;
  return frequency;
}

/** The meetings in each of the orders the guided construction tries. */
export function guidedOrders(m: Model, guide: BoundResult["guide"]): number[][] {
  const frequency = heldFrequency(m, guide);
  let most = 0;
  for (let k = 0; k < m.M; k++) most = Math.max(most, frequency[k]!);
  const byKey = (key: (k: number) => number) => {
    const keys = Float64Array.from({ length: m.M }, (_, k) => key(k));
    return Array.from({ length: m.M }, (_, k) => k).sort((x, y) => keys[y]! - keys[x]! || m.mValue[y]! - m.mValue[x]! || x - y);
  };
  const share = (k: number) => (most > 0 ? frequency[k]! / most : 0);
  return [...LEVELS.map((levels) => byKey((k) => Math.ceil(share(k) * levels - 1e-9))), byKey((k) => share(k) * m.mValue[k]!)];
}

/**
 * Builds a plan from the relaxation's choices (see lagrangianBound's guide): the meetings in the
 * given order, each into the slots the relaxation chose most often for it (of slots it chose
 * equally often, the one that adds fewest breaks), else where it adds fewest breaks, else wherever
 * it fits.
 */
export function guidedPlan(m: Model, guide: BoundResult["guide"], order: number[], slots: Int32Array[], random: Random): ScheduleState {
  const st = new ScheduleState(m);
  const search = new ValueSearch(st, random, slots);
  const options: number[] = [];
  const tier = new Int32Array(m.S);
  for (const k of order) {
    options.length = 0;
    for (let o = guide.optStart[k]!; o < guide.optStart[k + 1]!; o++) if (guide.weight[o]! > 0) options.push(o);
    options.sort((x, y) => guide.weight[y]! - guide.weight[x]! || x - y);
    let placed = false;
    // Options of equal weight (every slot of the meeting, when the bound's guide came from blocks)
    // are one tier: its slot that adds fewest breaks where the resources are free, else the first
    // where room can be made.
    for (let i = 0; i < options.length && !placed; ) {
      let n = 0;
      const w = guide.weight[options[i]!]!;
      for (; i < options.length && guide.weight[options[i]!] === w; i++) tier[n++] = guide.optSlot[options[i]!]!;
      const best = bestSlot(st, k, false, tier.subarray(0, n));
      if (best) {
        st.place(k, best.s, best.mode, best.interp);
        placed = true;
        break;
      }
      for (let j = 0; j < n; j++) {
        const s = tier[j]!;
        if (!st.participantsFit(k, s)) continue;
        const r = st.makeRoom(k, s);
        if (r) {
          st.place(k, s, r.mode, r.interp);
          placed = true;
          break;
        }
      }
    }
    if (!placed) {
      const best = bestSlot(st, k, false, slots[k]);
      if (best) st.place(k, best.s, best.mode, best.interp);
      else search.tryPlace(k);
    }
  }
  return st;
}
