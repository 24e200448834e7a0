import type { Instance, Solution } from "../scheduling/format";

export const UNSCHEDULED_REASONS = ["noCommonSlot", "noInterpreter", "participantsBusy", "noCapacity"] as const;
export type UnscheduledReason = (typeof UNSCHEDULED_REASONS)[number];

/**
 * Why a meeting was left out of a plan, for the organiser: the two sides never share a free slot;
 * no interpreter for the pair is free in any common slot; every common slot is taken by the sides'
 * other meetings; or tables, rooms or interpreters ran out where the sides were free.
 */
export function explainUnscheduled(inst: Instance, sol: Solution): Record<string, UnscheduledReason> {
  const participants = new Map(inst.participants.map((p) => [p.id, new Set(p.available)]));
  const busy = new Set<string>();
  const interpreterBusy = new Set<string>();
  const meetings = new Map(inst.meetings.map((m) => [m.id, m]));
  for (const a of sol.assignments) {
    const m = meetings.get(a.meeting)!;
    busy.add(`${m.a}@${a.slot}`).add(`${m.b}@${a.slot}`);
    if (a.interpreter) interpreterBusy.add(`${a.interpreter}@${a.slot}`);
  }
  const reasons: Record<string, UnscheduledReason> = {};
  for (const id of sol.unscheduled) {
    const m = meetings.get(id);
    if (!m) continue;
    const common = inst.slots.map((s) => s.id).filter((s) => participants.get(m.a)?.has(s) && participants.get(m.b)?.has(s) && (!m.slots || m.slots.includes(s)));
    const bridging = m.languages ? inst.interpreters.filter((i) => m.languages!.every((l) => i.languages.includes(l))) : [];
    if (!common.length) reasons[id] = "noCommonSlot";
    else if (m.languages && !common.some((s) => bridging.some((i) => i.available.includes(s)))) reasons[id] = "noInterpreter";
    else if (common.every((s) => busy.has(`${m.a}@${s}`) || busy.has(`${m.b}@${s}`))) reasons[id] = "participantsBusy";
    else reasons[id] = "noCapacity";
  }
  return reasons;
}
