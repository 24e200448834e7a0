import { AppError, notFound } from "../../errors";
import { moveOptions, type MoveOption, type SlotBlock, type SlotReason } from "../../domain/planning/moveOptions";
import type { SchedulePlanRecord } from "../../repositories/schedulePlanRepository";
import { availabilityOf } from "../companyAvailability";
import type { SchedulerContext } from "./context";
import { onlyInEvent } from "../events/eventInContext";

/** Company (and interpreter) names for the reader: the route knows the reader's language. */
export type NamesFor = (plan: SchedulePlanRecord) => Promise<Map<string, string>>;

/**
 * Says why each side is unavailable in a slot, from the fair's data now (the plan keeps only "not
 * available"): outside its working hours (a remote firm), at a fair session, or a slot it blocked.
 */
export async function refineReasons(
  ctx: SchedulerContext,
  plan: SchedulePlanRecord,
  options: { slot: string; reasons: SlotBlock[] }[],
): Promise<SlotReason[][]> {
  const parties = [...new Set(options.flatMap((o) => o.reasons.flatMap((r) => (r.code === "partyUnavailable" ? [r.party] : []))))];
  const why = new Map<string, string>();
  const fair = parties.length ? await ctx.repos.fairs.findById(plan.fairId) : null;
  if (fair) {
    const companies = await onlyInEvent(ctx, fair.id, await ctx.repos.companies.findByIds(parties));
    for (const [id, slots] of await availabilityOf(ctx.repos, fair, companies))
      for (const s of slots) if (s.reason) why.set(`${id}@${s.slot.label}`, s.reason);
  }
  const refined = { outsideWorkingHours: "partyOutsideHours", session: "partySession", blocked: "partyBlocked" } as const;
  return options.map((o) =>
    o.reasons.map((r): SlotReason => {
      if (r.code !== "partyUnavailable") return r;
      const reason = why.get(`${r.party}@${o.slot}`) as keyof typeof refined | undefined;
      return { ...r, code: reason ? refined[reason] : "partyUnavailable" };
    }),
  );
}

/** Tables booked meetings of a plan hold: the plan names the other meetings' tables around them. */
export function fixedTables(sources: SchedulePlanRecord["sources"]): Map<string, number> {
  return new Map(Object.entries(sources).flatMap(([key, s]) => (s.kind === "booked" && s.table ? [[key, s.table] as const] : [])));
}

/** The tables a draft keeps: a re-plan's booked meetings keep theirs while they stay at their table in their slot. */
function keptTables(plan: SchedulePlanRecord): Map<string, number> {
  if (!plan.replan) return fixedTables(plan.sources);
  const planned = new Map(plan.solution.assignments.map((a) => [a.meeting, a]));
  return new Map(
    plan.replan.current.flatMap((p) => {
      const a = planned.get(p.meeting);
      return p.table && a?.slot === p.slot && a.mode === "onsite" && p.mode === "onsite" ? [[p.meeting, p.table] as const] : [];
    }),
  );
}

/** The draft (or published) plan and its meeting, or 404. */
export async function loadPlanMeeting(ctx: SchedulerContext, planId: string, meetingKey: string) {
  const plan = await ctx.repos.schedulePlans.findById(planId);
  if (!plan) throw notFound();
  const meeting = plan.instance.meetings.find((m) => m.id === meetingKey);
  if (!meeting) throw notFound();
  // A re-plan's booked meetings may move like any other (publishing moves them); a plan's own stay put.
  const booked = plan.sources[meetingKey]?.kind === "booked" && !plan.replan;
  return { plan, meeting, context: { booked, fixedTables: keptTables(plan) } };
}

/** Every slot of the plan for one meeting: feasible or why not (see moveOptions). */
export async function planSlotOptions(ctx: SchedulerContext, planId: string, meetingKey: string) {
  const { plan, context } = await loadPlanMeeting(ctx, planId, meetingKey);
  const options: MoveOption[] =
    plan.status === "draft"
      ? moveOptions(plan.instance, plan.solution, meetingKey, context)
      : plan.instance.slots.map((s) => ({ slot: s.id, feasible: false, reasons: [] }));
  const reasons = await refineReasons(ctx, plan, options);
  const current = plan.solution.assignments.find((a) => a.meeting === meetingKey)?.slot ?? null;
  return { plan, current, options: options.map((o, i) => ({ ...o, reasons: reasons[i]! })) };
}

/** Field message keys of a refused move, by the first reason (templates fill in the names). */
const MESSAGE: Record<SlotReason["code"], string> = {
  current: "planInfeasible", // (never refused: a move to its own slot is "unchanged")
  booked: "planMeetingBooked",
  notWished: "planSlotNotWished",
  partyUnavailable: "planPartyUnavailable",
  partyOutsideHours: "planPartyOutsideHours",
  partySession: "planPartySession",
  partyBlocked: "planPartyBlocked",
  partyBusy: "planPartyBusy",
  partyCap: "planPartyCap",
  noTable: "planNoTable",
  noRoom: "planNoRoom",
  noInterpreter: "planNoInterpreter",
  interpreterRun: "planInterpreterRun",
};

/** A refused move, saying its first reason in the reader's language, the firms named. */
export function moveRefused(plan: SchedulePlanRecord, reasons: SlotReason[], names: Map<string, string>): AppError {
  const first = reasons[0];
  if (!first) return new AppError("conflict", { slot: "planInfeasible" });
  const values: Record<string, string> = {
    ...(first.party ? { party: names.get(first.party) ?? first.party } : {}),
    ...(first.with ? { other: names.get(first.with) ?? first.with } : {}),
    max: String(plan.instance.interpreterMaxRun ?? ""),
  };
  return new AppError("conflict", { slot: MESSAGE[first.code] }, undefined, undefined, values);
}
