import type { UserRecord } from "../../repositories/userRepository";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { FairRecord } from "../../repositories/fairRepository";
import type { CurrentPlaceRecord, PlanSource } from "../../repositories/schedulePlanRepository";
import type { Instance } from "../../domain/scheduling/format";
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
import { eventFor, onlyInEvent } from "../events/eventInContext";
import type { SchedulerContext } from "./context";
import { AppError } from "../../errors";

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

/** A day either side of an event's own days: events in other time zones overlap across midnight. */
const nearDay = (day: string, days: readonly string[]) => {
  const t = Date.parse(day);
  return days.some((d) => Math.abs(Date.parse(d) - t) <= 86_400_000);
};

/**
 * The times firms are booked in other events on the same days (a firm in the fair and an online week
 * at once): the plan leaves them free, so its publishing does not meet them as conflicts.
 */
async function bookedInOtherEvents(ctx: SchedulerContext, fair: FairRecord): Promise<Map<string, { start: Date; end: Date }[]>> {
  const others = (await ctx.repos.fairs.list()).filter((f) => f.id !== fair.id && f.days.some((d) => nearDay(d, fair.days)));
  const byCompany = new Map<string, { start: Date; end: Date }[]>();
  for (const m of (await Promise.all(others.map((f) => ctx.repos.meetings.listForFair(f.id)))).flat()) {
    if (m.status !== "booked" || !m.startsAt || !m.endsAt) continue;
    for (const id of [m.requesterId, m.recipientId]) (byCompany.get(id) ?? byCompany.set(id, []).get(id)!).push({ start: m.startsAt, end: m.endsAt });
  }
  return byCompany;
}

/**
 * Runs the auto-scheduler over the event in context (see eventFor): booked meetings stay where they are, open requests
 * and the given proposals are placed to maximise value and then minimise breaks, no interpreter
 * with more than `interpreterMaxRun` meetings back to back (her booked ones counted). The result is a
 * draft with the upper bound, the first-fit baseline and a reason for every meeting left out.
 */
export async function runScheduler(ctx: SchedulerContext, user: UserRecord, event: string | undefined, options: RunOptions) {
  const fair = await eventFor(ctx, user, event);
  // One run per event at a time, across api processes: a second organiser's click (or a double
  // click) is told the run is under way instead of keeping the solver's threads busy twice. A run
  // whose process died leaves its claim to the orphan sweep (older than two minutes, held by no meeting).
  const run = ctx.repos.meetings.newId();
  const claim = `solving:${fair.id}`;
  if (!(await ctx.repos.reservations.claimNew(claim, run))) throw new AppError("conflict", { event: "schedulerRunning" });
  try {
    return await planEvent(ctx, user, fair, options);
  } finally {
    await ctx.repos.reservations.release([claim], run);
  }
}

interface RunOptions {
  timeLimitMs: number;
  /** The matcher's proposals for the event, asked for once the event is known. */
  proposals: (fairId: string) => Promise<Proposal[]>;
  maxMeetingsPerCompany?: number;
  interpreterMaxRun?: number;
  /** Re-plan the booked meetings (moving as few as possible) instead of planning around them. */
  replan?: boolean;
  /** With replan: also place open requests and proposals (true unless false). */
  placeRequests?: boolean;
}

async function planEvent(ctx: SchedulerContext, user: UserRecord, fair: FairRecord, options: RunOptions) {
  const { repos } = ctx;
  // The scheduler's file format names slots by label ("d1s03"); meetings hold them by start.
  const slots = fairSlots(fair).map((s) => ({ id: s.label, day: s.day, start: s.start, end: s.end }));
  const slotAt = new Map(slots.map((s) => [s.start.getTime(), s.id]));

  const meetings: PlanMeeting[] = [];
  const sources: Record<string, PlanSource> = {};
  const standing: CurrentPlaceRecord[] = [];
  for (const m of await repos.meetings.listForFair(fair.id)) {
    const status = statusNow(ctx, m);
    const slot = m.startsAt ? slotAt.get(m.startsAt.getTime()) : undefined;
    if (status === "booked" && m.startsAt && m.endsAt && m.mode && options.replan) {
      // Free to move, in the mode the firms asked for; where it stands is what the re-plan keeps if it can.
      meetings.push({ key: m.id, a: m.requesterId, b: m.recipientId, kind: "booked", value: REQUEST_VALUE, mode: m.preferredMode });
      standing.push({
        meeting: m.id,
        a: m.requesterId,
        b: m.recipientId,
        slot: slot ?? null,
        start: m.startsAt,
        end: m.endsAt,
        mode: m.mode,
        ...(m.interpreterId ? { interpreter: m.interpreterId } : {}),
        ...(m.table ? { table: m.table } : {}),
      });
    } else if (status === "booked" && slot) {
      meetings.push({
        key: m.id,
        a: m.requesterId,
        b: m.recipientId,
        kind: "booked",
        value: REQUEST_VALUE,
        mode: m.mode ?? "either",
        fixedSlot: slot,
        ...(m.interpreterId ? { interpreter: m.interpreterId } : {}),
      });
    } else if ((status === "requested" || status === "countered") && (!options.replan || options.placeRequests !== false)) {
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
  for (const p of options.replan && options.placeRequests === false ? [] : await options.proposals(fair.id)) {
    const key = `proposal:${[p.a, p.b].sort().join(":")}`;
    meetings.push({ key, a: p.a, b: p.b, kind: "proposal", value: Math.round(p.score * PROPOSAL_WEIGHT * 1000) / 1000, mode: "either" });
    sources[key] = { kind: "proposal", a: p.a, b: p.b };
  }

  const companies = new Map<string, CompanyRecord>();
  for (const c of await onlyInEvent(ctx, fair.id, await repos.companies.findByIds([...new Set(meetings.flatMap((m) => [m.a, m.b]))]))) {
    if (c.status !== "pending") companies.set(c.id, c);
  }
  const [availability, elsewhere] = await Promise.all([availabilityOf(repos, fair, [...companies.values()]), bookedInOtherEvents(ctx, fair)]);
  const free = (companyId: string, slot: { start: Date; end: Date }) =>
    !elsewhere.get(companyId)?.some((m) => m.start < slot.end && slot.start < m.end);
  const participants = [...companies.values()].map((c) => ({
    id: c.id,
    onsite: c.participation === "onsite",
    languages: c.languages,
    available: availability
      .get(c.id)!
      .filter((s) => s.available && free(c.id, s.slot))
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

  const { solution, breaks } = options.replan
    ? await replanStanding(ctx, instance, standing, options.timeLimitMs)
    : await solveAround(ctx, instance, sources, options.timeLimitMs);
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
    ...(options.replan ? { replan: { current: standing } } : {}),
  });
}

/** A plan around the booked meetings, which stay where they are with the tables they hold. */
async function solveAround(ctx: SchedulerContext, instance: Instance, sources: Record<string, PlanSource>, timeLimitMs: number) {
  const { breaks, stats: _stats, ...solved } = await ctx.solver.solve(instance, timeLimitMs);
  return { solution: assignTables(instance, solved, fixedTables(sources)), breaks };
}

/**
 * A re-plan: booked meetings stay where they stand unless the fair no longer has room for them
 * there; as few as possible move (replan.ts). A meeting of a firm no longer in the plan (gone from
 * the event) is not given to it, and so is cancelled when the draft is published.
 */
async function replanStanding(ctx: SchedulerContext, instance: Instance, standing: CurrentPlaceRecord[], timeLimitMs: number) {
  const planned = new Set(instance.meetings.map((m) => m.id));
  const current = standing
    .filter((p) => planned.has(p.meeting))
    .map((p) => ({
      meeting: p.meeting,
      // A time that is no longer a slot names none of the plan's: the meeting is displaced.
      slot: p.slot ?? `gone:${p.start.toISOString()}`,
      mode: p.mode,
      interpreter: p.interpreter ?? null,
      ...(p.table ? { table: p.table } : {}),
    }));
  const { solution, breaks } = await ctx.solver.replan(instance, current, timeLimitMs);
  return { solution, breaks };
}
