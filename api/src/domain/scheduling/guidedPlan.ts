import type { Model } from "./model";
import { ScheduleState } from "./state";
import type { Random } from "../random";
import type { BoundResult } from "./upperBound";
import { ValueSearch } from "./valueSearch";
import { bestSlot } from "./breakSearch";

/**
 * The orders tried (see guidedOrders): by how often the relaxation holds a meeting, then by value;
 * by that frequency times the value; and by the frequency rounded to a few levels, then by value.
 * Which does best varies with the bound's last steps (Hanoi: up to 6 apart, of about 2,815), so
 * each is built and the best kept (each costs 10-30 ms there).
 */
const LEVELS = [0, 2, 5, 20];

/** The meetings in each of the orders the guided construction tries. */
export function guidedOrders(m: Model, guide: BoundResult["guide"]): number[][] {
  const frequency = new Float64Array(m.M);
  let most = 0;
  for (let k = 0; k < m.M; k++) {
    for (let o = guide.optStart[k]!; o < guide.optStart[k + 1]!; o++) frequency[k]! += guide.weight[o]!;
    most = Math.max(most, frequency[k]!);
  }
  const byKey = (key: (k: number) => number) => {
    const keys = Float64Array.from({ length: m.M }, (_, k) => key(k));
    return Array.from({ length: m.M }, (_, k) => k).sort((x, y) => keys[y]! - keys[x]! || m.mValue[y]! - m.mValue[x]! || x - y);
  };
  const share = (k: number) => (most > 0 ? frequency[k]! / most : 0);
  return [
    ...LEVELS.map((levels) => byKey((k) => (levels ? Math.ceil(share(k) * levels - 1e-9) : frequency[k]!))),
    byKey((k) => share(k) * m.mValue[k]!),
  ];
}

/**
 * Builds a plan from the relaxation's choices (see lagrangianBound's guide): the meetings in the
 * given order, each into the slots the relaxation chose most often for it, else where it adds
 * fewest breaks, else wherever it fits.
 */
export function guidedPlan(m: Model, guide: BoundResult["guide"], order: number[], slots: Int32Array[], random: Random): ScheduleState {
  const st = new ScheduleState(m);
  const search = new ValueSearch(st, random, slots);
  const options: number[] = [];
  for (const k of order) {
    options.length = 0;
    for (let o = guide.optStart[k]!; o < guide.optStart[k + 1]!; o++) if (guide.weight[o]! > 0) options.push(o);
    options.sort((x, y) => guide.weight[y]! - guide.weight[x]!);
    let placed = false;
    for (const o of options) {
      const s = guide.optSlot[o]!;
      if (!st.participantsFit(k, s)) continue;
      const r = st.makeRoom(k, s);
      if (r) {
        st.place(k, s, r.mode, r.interp);
        placed = true;
        break;
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
