import type { PlanChanges, PlanSlotOptions, SchedulePlanSummary, SchedulePlanView } from "@ketnoi/contracts";
import type { CurrentPlaceRecord, SchedulePlanListRecord, SchedulePlanRecord } from "../repositories/schedulePlanRepository";
import type { Assignment } from "../domain/scheduling/format";
import { peopleTold, planChanges, type ChangedPlace } from "../domain/scheduling/planChanges";
import type { MoveOption, SlotReason } from "../domain/planning/moveOptions";

const ratioOf = (value: number, upperBound: number) => (upperBound > 0 ? Math.round((value / upperBound) * 10_000) / 10_000 : 1);

/** What a plan shows in the list and atop its page alike. */
function figures(plan: Omit<SchedulePlanListRecord, "replan">) {
  const { value, upperBound } = plan.solution;
  return {
    id: plan.id,
    status: plan.status,
    createdAt: plan.createdAt.toISOString(),
    value,
    upperBound,
    ratio: ratioOf(value, upperBound),
    breaks: plan.breaks,
    ...(plan.publishedAt ? { publishedAt: plan.publishedAt.toISOString() } : {}),
    ...(plan.interpreterStats ? { interpreters: plan.interpreterStats } : {}),
    // Only while it is a draft: a publish cut short leaves it draft, to be published again.
    ...(plan.publishProgress && plan.status === "draft" ? { publishing: plan.publishProgress } : {}),
  };
}

/** A plan for the organiser, with company and interpreter names looked up by the caller. */
export function presentSchedulePlan(plan: SchedulePlanRecord, names: Map<string, string>): SchedulePlanView {
  const meetings = new Map(plan.instance.meetings.map((m) => [m.id, m]));
  const slots = new Map(plan.instance.slots.map((s) => [s.id, s]));
  const company = (id: string) => ({ id, name: names.get(id) ?? "" });
  const base = (key: string) => {
    const m = meetings.get(key)!;
    return { meeting: key, kind: plan.sources[key]?.kind ?? "request", a: company(m.a), b: company(m.b), value: m.value };
  };
  return {
    ...figures(plan),
    firstFit: plan.firstFit,
    assignments: plan.solution.assignments.map((a) => {
      const s = slots.get(a.slot)!;
      return {
        ...base(a.meeting),
        slot: { id: s.id, start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() },
        mode: a.mode,
        ...(a.interpreter ? { interpreter: company(a.interpreter) } : {}),
        ...(a.table ? { table: a.table } : {}),
      };
    }),
    unscheduled: plan.solution.unscheduled.map((key) => ({ ...base(key), reason: plan.reasons[key] ?? "noCapacity" })),
    ...(plan.publishResult ? { publishResult: plan.publishResult } : {}),
    ...(plan.replan ? { changes: presentChanges(plan, plan.replan.current, company) } : {}),
  };
}

/** A plan in the organiser's list: its figures, what publishing did, no meetings. */
export function presentSchedulePlanSummary(plan: SchedulePlanListRecord): SchedulePlanSummary {
  return {
    ...figures(plan),
    scheduled: plan.solution.assignments.length,
    unscheduled: plan.solution.unscheduled.length,
    ...(plan.publishResult
      ? {
          publishResult: {
            booked: plan.publishResult.booked,
            ...(plan.publishResult.moved === undefined ? {} : { moved: plan.publishResult.moved, cancelled: plan.publishResult.cancelled }),
            conflicts: plan.publishResult.conflicts.length,
          },
        }
      : {}),
    ...(plan.replan ? { replan: true } : {}),
  };
}

/** Where one meeting of a plan could go: every slot, feasible or why not, firms and interpreters named. */
export function presentPlanSlotOptions(
  plan: SchedulePlanRecord,
  meeting: string,
  current: string | null,
  options: (Omit<MoveOption, "reasons"> & { reasons: SlotReason[] })[],
  names: Map<string, string>,
): PlanSlotOptions {
  const named = (id: string) => ({ id, name: names.get(id) ?? "" });
  const slots = new Map(plan.instance.slots.map((s) => [s.id, s]));
  return {
    meeting,
    current,
    maxRun: plan.instance.interpreterMaxRun ?? null,
    slots: options.map((o) => {
      const s = slots.get(o.slot)!;
      return {
        id: s.id,
        start: new Date(s.start).toISOString(),
        end: new Date(s.end).toISOString(),
        feasible: o.feasible,
        ...(o.placement ? { mode: o.placement.mode } : {}),
        ...(o.placement?.interpreter ? { interpreter: named(o.placement.interpreter) } : {}),
        ...(o.placement?.table ? { table: o.placement.table } : {}),
        reasons: o.reasons.map((r) => ({ code: r.code, ...(r.party ? { party: named(r.party) } : {}), ...(r.with ? { with: named(r.with) } : {}) })),
      };
    }),
  };
}

/** What publishing a re-plan changes, measured from where its booked meetings stood when it ran. */
function presentChanges(
  plan: SchedulePlanRecord,
  standing: CurrentPlaceRecord[],
  company: (id: string) => { id: string; name: string },
): PlanChanges {
  const slots = new Map(plan.instance.slots.map((s) => [s.id, s]));
  const stood = new Map(standing.map((p) => [p.meeting, p]));
  const planned = new Map(plan.solution.assignments.map((a) => [a.meeting, a]));
  const firms = new Map(standing.map((p) => [p.meeting, [p.a, p.b] as const]));
  for (const m of plan.instance.meetings) firms.set(m.id, [m.a, m.b]);
  const changes = planChanges(standing, plan.solution.assignments);
  const parties = (key: string) => {
    const [a, b] = firms.get(key)!;
    return { meeting: key, a: company(a), b: company(b) };
  };
  const from = (p: CurrentPlaceRecord) => ({
    start: new Date(p.start).toISOString(),
    end: new Date(p.end).toISOString(),
    mode: p.mode,
    ...(p.interpreter ? { interpreter: company(p.interpreter) } : {}),
    ...(p.table ? { table: p.table } : {}),
  });
  const to = (a: Assignment) => {
    const s = slots.get(a.slot)!;
    return {
      slot: s.id,
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      mode: a.mode,
      ...(a.interpreter ? { interpreter: company(a.interpreter) } : {}),
      ...(a.table ? { table: a.table } : {}),
    };
  };
  const changed = (c: ChangedPlace<CurrentPlaceRecord>) => ({ ...parties(c.meeting), from: from(c.from), to: to(c.to) });
  const told = peopleTold(standing, changes, (key) => firms.get(key) ?? []);
  return {
    kept: changes.kept,
    moved: changes.moved.map(changed),
    reassigned: changes.reassigned.map(changed),
    cancelled: changes.cancelled.map((key) => ({ ...parties(key), from: from(stood.get(key)!) })),
    placed: changes.placed.map((key) => ({ ...parties(key), kind: plan.sources[key]?.kind ?? "request", to: to(planned.get(key)!) })),
    peopleTold: told.firms.length + told.interpreters.length,
  };
}
