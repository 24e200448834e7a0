import { notFound } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { PlanSource } from "../../repositories/schedulePlanRepository";
import { fairSlots } from "../../domain/fairSlots";
import { planInstance, type PlanMeeting } from "../../domain/planning/planInstance";
import { slotsForDayPart } from "../../domain/planning/dayPart";
import { explainUnscheduled } from "../../domain/planning/explainUnscheduled";
import { firstFit } from "../../domain/scheduling/firstFit";
import { interpreterFigures } from "../../domain/planning/interpreterFigures";
import { assignTables } from "../../domain/scheduling/tables";
import { fixedTables } from "./planSlots";
import { availabilityOf } from "../companyAvailability";
import { statusNow } from "../meetings/loadMeeting";
import type { SchedulerContext } from "./context";

/** Proposed pairs (from the matching service) the plan may add, with their match score in (0, 1]. */
export interface Proposal {
  a: string;
  b: string;
  score: number;
}

/** A request counts in full; one the other side has engaged with (a counter-proposal) counts more. */
const REQUEST_VALUE = 1;
const COUNTERED_VALUE = 1.2;
/** A proposal is worth less than any request, so the plan never drops a request for one. */
const PROPOSAL_WEIGHT = 0.5;

/**
 * Runs the auto-scheduler over the current fair: booked meetings stay where they are, open requests
 * and the given proposals are placed to maximise value and then minimise breaks, no interpreter
 * with more than `interpreterMaxRun` meetings back to back (her booked ones counted). The result is a
 * draft with the upper bound, the first-fit baseline and a reason for every meeting left out.
 */
export async function runScheduler(
  ctx: SchedulerContext,
  user: UserRecord,
  options: { timeLimitMs: number; proposals: Proposal[]; maxMeetingsPerCompany?: number; interpreterMaxRun?: number },
) {
  const { repos } = ctx;
  const fair = await repos.fairs.findCurrent(ctx.now());
  if (!fair) throw notFound();
  // The scheduler's file format names slots by label ("d1s03"); meetings hold them by start.
  const slots = fairSlots(fair).map((s) => ({ id: s.label, day: s.day, start: s.start, end: s.end }));
  const slotAt = new Map(slots.map((s) => [s.start.getTime(), s.id]));

  const meetings: PlanMeeting[] = [];
  const sources: Record<string, PlanSource> = {};
  for (const m of await repos.meetings.listForFair(fair.id)) {
    const status = statusNow(ctx, m);
    if (status === "booked" && m.startsAt && slotAt.has(m.startsAt.getTime())) {
      meetings.push({
        key: m.id,
        a: m.requesterId,
        b: m.recipientId,
        kind: "booked",
        value: REQUEST_VALUE,
        mode: m.mode ?? "either",
        fixedSlot: slotAt.get(m.startsAt.getTime())!,
        ...(m.interpreterId ? { interpreter: m.interpreterId } : {}),
      });
    } else if (status === "requested" || status === "countered") {
      const only = slotsForDayPart(slots, m.dayPart ?? "any", fair.timeZone);
      meetings.push({
        key: m.id,
        a: m.requesterId,
        b: m.recipientId,
        kind: "request",
        value: status === "countered" ? COUNTERED_VALUE : REQUEST_VALUE,
        mode: m.preferredMode,
        ...(only ? { slots: only } : {}),
      });
    } else continue;
    sources[m.id] = {
      kind: meetings.at(-1)!.kind,
      a: m.requesterId,
      b: m.recipientId,
      meetingId: m.id,
      ...(status === "booked" && m.table ? { table: m.table } : {}),
    };
  }
  for (const p of options.proposals) {
    const key = `proposal:${[p.a, p.b].sort().join(":")}`;
    meetings.push({ key, a: p.a, b: p.b, kind: "proposal", value: Math.round(p.score * PROPOSAL_WEIGHT * 1000) / 1000, mode: "either" });
    sources[key] = { kind: "proposal", a: p.a, b: p.b };
  }

  const companies = new Map<string, CompanyRecord>();
  for (const c of await repos.companies.findByIds([...new Set(meetings.flatMap((m) => [m.a, m.b]))])) {
    if (c.fairId === fair.id && c.status !== "pending") companies.set(c.id, c);
  }
  const availability = await availabilityOf(repos, fair, [...companies.values()]);
  const participants = [...companies.values()].map((c) => ({
    id: c.id,
    onsite: c.participation === "onsite",
    languages: c.languages,
    available: availability
      .get(c.id)!
      .filter((s) => s.available)
      .map((s) => s.slot.label),
  }));
  const interpreters = (await repos.interpreters.listForFair(fair.id)).map((i) => ({
    id: i.id,
    languages: i.languages,
    available: slots.filter((s) => i.availableDays.includes(s.day)).map((s) => s.id),
  }));
  const instance = planInstance({
    timeZone: fair.timeZone,
    slots,
    onsiteTables: fair.onsiteTables,
    onlineRooms: fair.onlineRoomsPerSlot,
    participants,
    interpreters,
    meetings,
    ...(options.maxMeetingsPerCompany ? { maxMeetingsPerCompany: options.maxMeetingsPerCompany } : {}),
    ...(options.interpreterMaxRun ? { interpreterMaxRun: options.interpreterMaxRun } : {}),
  });

  const result = await ctx.solver.solve(instance, options.timeLimitMs);
  const { breaks, stats: _stats, ...solved } = result;
  // The solver names tables for every onsite meeting; booked ones keep the table they hold.
  const solution = assignTables(instance, solved, fixedTables(sources));
  const baseline = firstFit(instance);
  return repos.schedulePlans.create({
    fairId: fair.id,
    createdBy: user.id,
    timeLimitMs: options.timeLimitMs,
    instance,
    sources: Object.fromEntries(instance.meetings.map((m) => [m.id, sources[m.id]!])),
    solution,
    breaks,
    firstFit: { value: baseline.value, breaks: baseline.breaks },
    reasons: explainUnscheduled(instance, solution),
    interpreterStats: interpreterFigures(instance, solution),
  });
}
