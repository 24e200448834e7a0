import type { Instance, Solution } from "./format";
import { buildModel, type Model } from "./model";
import { NONE, ScheduleState } from "./state";

/**
 * The baseline a hand-run fair would use: meetings by value, highest first, each into the first slot
 * (and the first free table, room or interpreter) where it fits. Feasible, fast, and a yardstick.
 */
export function firstFitState(m: Model): ScheduleState {
  const st = new ScheduleState(m);
  const order = Array.from({ length: m.M }, (_, k) => k).sort((x, y) => m.mValue[y]! - m.mValue[x]! || x - y);
  for (const k of order) {
    for (let s = 0; s < m.S; s++) {
      if (!st.participantsFit(k, s)) continue;
      const r = st.resources(k, s);
      if (r) {
        st.place(k, s, r.mode, r.interp);
        break;
      }
    }
  }
  return st;
}

/** The state as a solution of the file format. */
export function toSolution(inst: Instance, st: ScheduleState, upperBound: number): Solution {
  const assignments: Solution["assignments"] = [];
  const unscheduled: string[] = [];
  let value = 0;
  inst.meetings.forEach((mt, k) => {
    const s = st.slotOf[k]!;
    if (s === NONE) {
      unscheduled.push(mt.id);
      return;
    }
    value += mt.value;
    const interp = st.interpOf[k]!;
    assignments.push({
      meeting: mt.id,
      slot: inst.slots[s]!.id,
      mode: st.modeOf[k] === 0 ? "onsite" : "online",
      interpreter: interp === NONE ? null : inst.interpreters[interp]!.id,
    });
  });
  return { version: 1, assignments, unscheduled, value, upperBound };
}

/** First-fit as a solution, with its breaks. Its upperBound is the trivial one (every meeting's value). */
export function firstFit(inst: Instance, model = buildModel(inst)): Solution & { breaks: number } {
  const st = firstFitState(model);
  return {
    ...toSolution(
      inst,
      st,
      inst.meetings.reduce((v, mt) => v + mt.value, 0),
    ),
    breaks: st.totalBreaks(),
  };
}
