import type { SchedulePlanView } from "@ketnoi/contracts";
import type { SchedulePlanRecord } from "../repositories/schedulePlanRepository";

/** A plan for the organiser, with company and interpreter names looked up by the caller. */
export function presentSchedulePlan(plan: SchedulePlanRecord, names: Map<string, string>): SchedulePlanView {
  const meetings = new Map(plan.instance.meetings.map((m) => [m.id, m]));
  const slots = new Map(plan.instance.slots.map((s) => [s.id, s]));
  const company = (id: string) => ({ id, name: names.get(id) ?? "" });
  const base = (key: string) => {
    const m = meetings.get(key)!;
    return { meeting: key, kind: plan.sources[key]?.kind ?? "request", a: company(m.a), b: company(m.b), value: m.value };
  };
  const { value, upperBound } = plan.solution;
  return {
    id: plan.id,
    status: plan.status,
    createdAt: plan.createdAt.toISOString(),
    value,
    upperBound,
    ratio: upperBound > 0 ? Math.round((value / upperBound) * 10_000) / 10_000 : 1,
    breaks: plan.breaks,
    firstFit: plan.firstFit,
    assignments: plan.solution.assignments.map((a) => {
      const s = slots.get(a.slot)!;
      return { ...base(a.meeting), slot: { id: s.id, start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() }, mode: a.mode, ...(a.interpreter ? { interpreter: company(a.interpreter) } : {}) };
    }),
    unscheduled: plan.solution.unscheduled.map((key) => ({ ...base(key), reason: plan.reasons[key] ?? "noCapacity" })),
    ...(plan.publishedAt ? { publishedAt: plan.publishedAt.toISOString() } : {}),
    ...(plan.publishResult ? { publishResult: plan.publishResult } : {}),
  };
}
