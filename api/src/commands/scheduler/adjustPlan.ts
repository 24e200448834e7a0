import { AppError, validationFailed } from "../../errors";
import { checkSolution } from "../../domain/scheduling/checker";
import { assignTables } from "../../domain/scheduling/tables";
import { explainUnscheduled } from "../../domain/planning/explainUnscheduled";
import { interpreterFigures } from "../../domain/planning/interpreterFigures";
import { blockOf, planMove } from "../../domain/planning/moveOptions";
import type { Solution } from "../../domain/scheduling/format";
import type { SchedulePlanRecord } from "../../repositories/schedulePlanRepository";
import { loadPlanMeeting, moveRefused, refineReasons, type NamesFor } from "./planSlots";
import type { SchedulerContext } from "./context";

export type PlanChange = "moved" | "unchanged" | "leftOut";

/**
 * Moves one meeting of a draft plan to another slot (or leaves it out, slot null) by hand. The move
 * takes what the slot offers as moveOptions finds it (a table or room, an interpreter who speaks the
 * pair and is not kept on too long; another meeting there may change interpreter or switch between
 * table and video room to make way); the independent checker must accept the whole plan afterwards.
 * A refusal says why in the reader's language (the firm busy then, no interpreter, ...); a move to
 * the meeting's own slot changes nothing and says so.
 */
export async function adjustPlan(
  ctx: SchedulerContext,
  planId: string,
  meetingKey: string,
  slot: string | null,
  namesFor: NamesFor,
): Promise<{ plan: SchedulePlanRecord; change: PlanChange }> {
  const { plan, context } = await loadPlanMeeting(ctx, planId, meetingKey);
  if (plan.status !== "draft") throw new AppError("conflict", { plan: "planPublished" });
  if (slot !== null && !plan.instance.slots.some((s) => s.id === slot)) throw validationFailed({ slot: "unknownSlot" });
  const current = plan.solution.assignments.find((a) => a.meeting === meetingKey);
  if ((current?.slot ?? null) === slot) return { plan, change: "unchanged" };

  let solution: Solution;
  if (slot === null) {
    if (context.booked) throw moveRefused(plan, [{ code: "booked" }], new Map());
    const assignments = plan.solution.assignments.filter((a) => a.meeting !== meetingKey);
    const values = new Map(plan.instance.meetings.map((m) => [m.id, m.value]));
    solution = assignTables(
      plan.instance,
      {
        ...plan.solution,
        assignments,
        unscheduled: [...plan.solution.unscheduled, meetingKey],
        value: Math.round(assignments.reduce((sum, a) => sum + (values.get(a.meeting) ?? 0), 0) * 1000) / 1000,
      },
      context.fixedTables,
    );
  } else {
    const option = planMove(plan.instance, plan.solution, meetingKey, slot, context);
    if (!option.feasible) {
      const [reasons] = await refineReasons(ctx, plan, [option]);
      throw moveRefused(plan, reasons!, await namesFor(plan));
    }
    solution = option.solution!;
  }
  // The checker has the last word (moveOptions asked it too), and names what it refuses.
  const check = checkSolution(plan.instance, solution);
  if (!check.feasible) {
    const [reasons] = await refineReasons(ctx, plan, [{ slot: slot ?? "", reasons: check.conflicts.map(blockOf) }]);
    throw moveRefused(plan, reasons!, await namesFor(plan));
  }
  const saved = await ctx.repos.schedulePlans.saveAdjusted(
    plan.id,
    solution,
    check.breaks,
    explainUnscheduled(plan.instance, solution),
    interpreterFigures(plan.instance, solution),
  );
  if (!saved) throw new AppError("conflict", { plan: "planPublished" });
  return { plan: (await ctx.repos.schedulePlans.findById(plan.id))!, change: slot === null ? "leftOut" : "moved" };
}
