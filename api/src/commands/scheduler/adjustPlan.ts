import { AppError, notFound, validationFailed } from "../../errors";
import { checkSolution } from "../../domain/scheduling/checker";
import { explainUnscheduled } from "../../domain/planning/explainUnscheduled";
import type { Assignment } from "../../domain/scheduling/format";
import type { SchedulerContext } from "./context";

/**
 * Moves one meeting of a draft plan to another slot (or leaves it out) by hand. The move keeps the
 * meeting's mode when the slot allows it and takes the first free interpreter who bridges the pair;
 * the independent checker must accept the whole plan afterwards, or nothing changes.
 */
export async function adjustPlan(ctx: SchedulerContext, planId: string, meetingKey: string, slot: string | null) {
  const plan = await ctx.repos.schedulePlans.findById(planId);
  if (!plan) throw notFound();
  if (plan.status !== "draft") throw new AppError("conflict", { plan: "planPublished" });
  const meeting = plan.instance.meetings.find((m) => m.id === meetingKey);
  if (!meeting) throw notFound();
  if (slot !== null && !plan.instance.slots.some((s) => s.id === slot)) throw validationFailed({ slot: "unknownSlot" });

  const others = plan.solution.assignments.filter((a) => a.meeting !== meetingKey);
  const unscheduled = plan.solution.unscheduled.filter((id) => id !== meetingKey);
  let placed: Assignment | undefined;
  if (slot !== null) {
    const current = plan.solution.assignments.find((a) => a.meeting === meetingKey);
    const participants = new Map(plan.instance.participants.map((p) => [p.id, p]));
    const canOnsite = meeting.mode !== "online" && participants.get(meeting.a)?.onsite && participants.get(meeting.b)?.onsite;
    const onsiteUsed = others.filter((a) => a.slot === slot && a.mode === "onsite").length;
    const mode = canOnsite && onsiteUsed < plan.instance.onsiteTables && (current?.mode !== "online" || meeting.mode === "onsite") ? "onsite" : "online";
    const busyInterpreters = new Set(others.filter((a) => a.slot === slot && a.interpreter).map((a) => a.interpreter));
    const interpreter = meeting.languages
      ? plan.instance.interpreters.find((i) => meeting.languages!.every((l) => i.languages.includes(l)) && i.available.includes(slot) && !busyInterpreters.has(i.id))?.id
      : undefined;
    placed = { meeting: meetingKey, slot, mode, ...(interpreter ? { interpreter } : {}) };
  }
  const value = plan.instance.meetings.filter((m) => [...others, ...(placed ? [placed] : [])].some((a) => a.meeting === m.id)).reduce((sum, m) => sum + m.value, 0);
  const solution = { ...plan.solution, assignments: placed ? [...others, placed] : others, unscheduled: placed ? unscheduled : [...unscheduled, meetingKey], value: Math.round(value * 1000) / 1000 };
  const check = checkSolution(plan.instance, solution);
  if (!check.feasible) throw new AppError("conflict", { slot: "planInfeasible" });
  await ctx.repos.schedulePlans.saveAdjusted(plan.id, solution, check.breaks, explainUnscheduled(plan.instance, solution));
  return (await ctx.repos.schedulePlans.findById(plan.id))!;
}
