import { AppError } from "../../errors";
import type { FairRecord } from "../../repositories/fairRepository";
import type { UserRecord } from "../../repositories/userRepository";
import type { CurrentPlaceRecord, SchedulePlanRecord } from "../../repositories/schedulePlanRepository";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import type { Assignment } from "../../domain/scheduling/format";
import { planChanges, type ChangedPlace } from "../../domain/scheduling/planChanges";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { claimBooking } from "../meetings/booking";
import { moveToBooking } from "../meetings/moveToBooking";
import { loadCompaniesAndFair } from "../meetings/parties";
import { orConflict, statusNow } from "../meetings/loadMeeting";
import { plannedPreferences } from "./publishBatch";
import { plannedSlot } from "./plannedSlot";
import type { SchedulerContext } from "./context";

type Conflict = { meeting: string; reason: string };
/** A step that could not be taken now: `wait` when another change of the plan may free its place. */
type Outcome = "done" | { wait: boolean; reason: string };

const changedSince = (reason = "meetingChanged"): Outcome => ({ wait: false, reason });

/** The booked meeting as the re-plan found it, or nothing when it changed since (moved, cancelled, held). */
async function standingMeeting(ctx: SchedulerContext, from: CurrentPlaceRecord): Promise<MeetingRecord | null> {
  const meeting = await ctx.repos.meetings.findById(from.meeting);
  if (!meeting || statusNow(ctx, meeting) !== "booked" || meeting.startsAt?.getTime() !== new Date(from.start).getTime()) return null;
  return meeting;
}

async function cancelStanding(ctx: SchedulerContext, user: UserRecord, from: CurrentPlaceRecord): Promise<Outcome> {
  const meeting = await standingMeeting(ctx, from);
  if (!meeting) return changedSince();
  const parties = await loadCompaniesAndFair(ctx, meeting);
  const cancelled = await orConflict(() =>
    ctx.repos.meetings.change(meeting, "cancelled_by_fair_change", user.id, {
      set: { status: "cancelled", sequence: meeting.sequence + 1, reservationKeys: [], cancelReason: "fair_change" },
      unset: ["expiresAt", "note"],
    }),
  );
  await ctx.repos.reservations.release(meeting.reservationKeys, meeting.id);
  await ctx.notifier.meetingChanged("meeting_cancelled", cancelled, user.id, parties);
  return "done";
}

/**
 * Another interpreter or table for a meeting that keeps its time and mode: only what changes is
 * claimed (the new interpreter's hour, the new table in the slot), then the old is let go.
 */
async function reassign(ctx: SchedulerContext, user: UserRecord, fair: FairRecord, meeting: MeetingRecord, to: Assignment): Promise<Outcome> {
  const start = meeting.startsAt!;
  const interpreter = to.interpreter ? (await ctx.repos.interpreters.listForFair(fair.id)).find((i) => i.id === to.interpreter) : undefined;
  if (to.interpreter && !interpreter) return changedSince("noInterpreter");
  const table = to.table ?? meeting.table;
  const keysOf = (interpreterId?: string | null, tableNumber?: number) => [
    ...(interpreterId ? [reservationKeys.interpreter(interpreterId, start)] : []),
    ...(meeting.mode === "onsite" && tableNumber ? [reservationKeys.table(fair.id, start, tableNumber)] : []),
  ];
  const [before, after] = [keysOf(meeting.interpreterId, meeting.table), keysOf(interpreter?.id, table)];
  const claimed = after.filter((k) => !before.includes(k));
  const claim = await ctx.repos.reservations.claimAll(claimed, meeting.id);
  if (!claim.ok) return { wait: true, reason: claim.taken.startsWith("t:") ? "noTable" : "noInterpreter" };
  const changed = await orConflict(
    () =>
      ctx.repos.meetings.change(meeting, "replanned", user.id, {
        set: {
          sequence: meeting.sequence + 1,
          reservationKeys: [...meeting.reservationKeys.filter((k) => !before.includes(k) || after.includes(k)), ...claimed],
          ...(interpreter ? { interpreterId: interpreter.id } : {}),
          ...(table ? { table } : {}),
        },
        unset: interpreter ? [] : ["interpreterId", "languages"],
      }),
    () => ctx.repos.reservations.release(claimed, meeting.id),
  );
  await ctx.repos.reservations.release(
    before.filter((k) => !after.includes(k)),
    meeting.id,
  );
  const { requester, recipient } = await loadCompaniesAndFair(ctx, meeting);
  await ctx.notifier.meetingChanged("meeting_rescheduled", changed, user.id, { requester, recipient, fair, interpreter: interpreter ?? null });
  return "done";
}

/** A move to the planned slot and mode: the new place is claimed before the old one is let go, so a refused move leaves the meeting where it was. */
async function moveStanding(
  ctx: SchedulerContext,
  user: UserRecord,
  fair: FairRecord,
  plan: SchedulePlanRecord,
  { from, to }: ChangedPlace<CurrentPlaceRecord>,
): Promise<Outcome> {
  const meeting = await standingMeeting(ctx, from);
  if (!meeting) return changedSince();
  if (to.slot === from.slot && to.mode === from.mode) return reassign(ctx, user, fair, meeting, to);
  const slot = plannedSlot(fair, plan.instance, to.slot);
  if (!slot) return changedSince("unknownSlot");
  const { requester, recipient } = await loadCompaniesAndFair(ctx, meeting);
  let booking: Awaited<ReturnType<typeof claimBooking>>;
  try {
    booking = await claimBooking(ctx, {
      meetingId: meeting.id,
      fair,
      requester,
      recipient,
      preferredMode: to.mode,
      slot,
      holds: meeting.reservationKeys,
      ...plannedPreferences(to),
    });
  } catch (err) {
    if (!(err instanceof AppError && err.code === "conflict")) throw err;
    return { wait: true, reason: Object.values(err.fields ?? {})[0] ?? "conflict" };
  }
  const moved = await moveToBooking(ctx, meeting, booking, "replanned", user.id);
  await ctx.notifier.meetingChanged("meeting_rescheduled", moved, user.id, { requester, recipient, fair, interpreter: booking.interpreter ?? null });
  return "done";
}

/**
 * Publishes what a re-plan changes in the booked meetings, before its new meetings are booked:
 * cancellations first (they free places), then moves and new interpreters or tables. A meeting may move
 * into a place another one leaves (a chain), so a move refused now is tried again after the others
 * until a round moves nothing; what is still refused then (or changed since the re-plan ran) is
 * reported, never forced. Only these meetings' firms and interpreters are told.
 */
export async function publishStandingChanges(ctx: SchedulerContext, user: UserRecord, fair: FairRecord, plan: SchedulePlanRecord) {
  const changes = planChanges(plan.replan?.current ?? [], plan.solution.assignments);
  const conflicts: Conflict[] = [];
  let cancelled = 0;
  let moved = 0;
  const standing = new Map(plan.replan?.current.map((p) => [p.meeting, p]));
  for (const key of changes.cancelled) {
    const outcome = await cancelStanding(ctx, user, standing.get(key)!);
    if (outcome === "done") cancelled++;
    else conflicts.push({ meeting: key, reason: outcome.reason });
  }
  let pending = [...changes.moved, ...changes.reassigned];
  while (pending.length) {
    const waiting: { change: ChangedPlace<CurrentPlaceRecord>; reason: string }[] = [];
    for (const change of pending) {
      const outcome = await moveStanding(ctx, user, fair, plan, change);
      if (outcome === "done") moved++;
      else if (outcome.wait) waiting.push({ change, reason: outcome.reason });
      else conflicts.push({ meeting: change.meeting, reason: outcome.reason });
    }
    if (waiting.length === pending.length) {
      for (const w of waiting) conflicts.push({ meeting: w.change.meeting, reason: w.reason });
      break;
    }
    pending = waiting.map((w) => w.change);
  }
  return { moved, cancelled, conflicts };
}
