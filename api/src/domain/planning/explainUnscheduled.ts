import type { Instance, Solution } from "../scheduling/format";
import { interpreterRunFits } from "./interpreterRun";

export const UNSCHEDULED_REASONS = ["noCommonSlot", "noInterpreter", "participantsBusy", "noCapacity"] as const;
export type UnscheduledReason = (typeof UNSCHEDULED_REASONS)[number];

/**
 * Why a meeting was left out of a plan, for the organiser: the two sides never share a free slot;
 * no interpreter for the pair is free in any common slot; every common slot is taken by the sides'
 * other meetings; where the sides were free, every interpreter of the pair was taken or had worked
 * as many meetings in a row as the plan allows; or tables or rooms ran out where the sides were free.
 */
export function explainUnscheduled(inst: Instance, sol: Solution): Record<string, UnscheduledReason> {
  const participants = new Map(inst.participants.map((p) => [p.id, new Set(p.available)]));
  const busy = new Set<string>();
  const interpreterBusy = new Set<string>();
  const working = new Map<string, Set<string>>();
  const meetings = new Map(inst.meetings.map((m) => [m.id, m]));
  for (const a of sol.assignments) {
    const m = meetings.get(a.meeting)!;
    busy.add(`${m.a}@${a.slot}`).add(`${m.b}@${a.slot}`);
    if (a.interpreter) {
      interpreterBusy.add(`${a.interpreter}@${a.slot}`);
      if (!working.has(a.interpreter)) working.set(a.interpreter, new Set());
      working.get(a.interpreter)!.add(a.slot);
    }
  }
  /** Some interpreter of the pair could take it in slot s: available, free, and her run within the limit. */
  const interpreterFree = (langs: readonly string[], s: string) =>
    inst.interpreters.some(
      (i) =>
        langs.every((l) => i.languages.includes(l)) &&
        i.available.includes(s) &&
        !i.busy?.includes(s) &&
        !interpreterBusy.has(`${i.id}@${s}`) &&
        interpreterRunFits(inst, i.id, s, working.get(i.id) ?? new Set()),
    );
  const reasons: Record<string, UnscheduledReason> = {};
  for (const id of sol.unscheduled) {
    const m = meetings.get(id);
    if (!m) continue;
    const common = inst.slots
      .map((s) => s.id)
      .filter((s) => participants.get(m.a)?.has(s) && participants.get(m.b)?.has(s) && (!m.slots || m.slots.includes(s)));
    const bridging = m.languages ? inst.interpreters.filter((i) => m.languages!.every((l) => i.languages.includes(l))) : [];
    if (!common.length) reasons[id] = "noCommonSlot";
    else if (m.languages && !common.some((s) => bridging.some((i) => i.available.includes(s)))) reasons[id] = "noInterpreter";
    else if (common.every((s) => busy.has(`${m.a}@${s}`) || busy.has(`${m.b}@${s}`))) reasons[id] = "participantsBusy";
    // Where both sides are free, every interpreter of the pair is taken or at the end of her run.
    else if (m.languages && common.every((s) => busy.has(`${m.a}@${s}`) || busy.has(`${m.b}@${s}`) || !interpreterFree(m.languages!, s)))
      reasons[id] = "noInterpreter";
    else reasons[id] = "noCapacity";
  }
  return reasons;
}
