import { AppError, notFound, validationFailed } from "../../errors";
import type { FairRecord } from "../../repositories/fairRepository";
import type { UserRecord } from "../../repositories/userRepository";
import type { PlanSource } from "../../repositories/schedulePlanRepository";
import type { Assignment, Instance } from "../../domain/scheduling/format";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { bookedFields, claimBooking } from "../meetings/booking";
import { bookAsPlanned, loadPlanWorld, plannedPreferences, scheduledMeetingFields } from "./publishBatch";
import { orConflict, statusNow } from "../meetings/loadMeeting";
import { firmsInEvent } from "../events/eventInContext";
import { plannedSlot } from "./plannedSlot";
import { publishStandingChanges } from "./publishReplan";
import type { SchedulerContext } from "./context";

/** The first field message key of a refused booking: why one meeting of the plan could not be booked. */
const reasonOf = (err: unknown) => {
  if (!(err instanceof AppError) || err.code === "internal_error") throw err;
  return Object.values(err.fields ?? {})[0] ?? err.code;
};

const unknownSlot = () => {
  throw validationFailed({ slot: "unknownSlot" });
};

/** Books one planned meeting: an open request is accepted in its planned slot; a proposal becomes a booked meeting. */
async function bookPlanned(ctx: SchedulerContext, user: UserRecord, fair: FairRecord, instance: Instance, a: Assignment, source: PlanSource) {
  const { repos } = ctx;
  const [a1, b1] = await Promise.all([repos.companies.findById(source.a), repos.companies.findById(source.b)]);
  const [requester, recipient] = a1 && b1 ? await firmsInEvent(ctx, fair.id, [a1, b1]) : [];
  if (!requester || !recipient) throw notFound();
  const parties = { fair, requester, recipient };
  const want = {
    preferredMode: a.mode,
    slot: plannedSlot(fair, instance, a.slot) ?? unknownSlot(),
    ...plannedPreferences(a),
  };
  if (source.kind === "request") {
    const meeting = await repos.meetings.findById(source.meetingId!);
    if (!meeting || !["requested", "countered"].includes(statusNow(ctx, meeting))) throw new AppError("conflict", { meeting: "meetingChanged" });
    const booking = await claimBooking(ctx, {
      meetingId: meeting.id,
      fair: parties.fair,
      requester: parties.requester,
      recipient: parties.recipient,
      ...want,
    });
    return orConflict(
      () =>
        repos.meetings.change(meeting, "scheduled", user.id, {
          set: { ...bookedFields(booking), reservationKeys: [...meeting.reservationKeys, ...booking.keys] },
          unset: ["proposal", "expiresAt"],
        }),
      () => repos.reservations.release(booking.keys, meeting.id),
    );
  }
  const id = repos.meetings.newId();
  const pairKey = reservationKeys.pair(parties.fair.id, source.a, source.b);
  if (!(await repos.reservations.claimAll([pairKey], id, [])).ok) throw new AppError("conflict", { with: "alreadyMeeting" }); // a new meeting holds nothing
  try {
    const booking = await claimBooking(ctx, {
      meetingId: id,
      fair: parties.fair,
      requester: parties.requester,
      recipient: parties.recipient,
      holds: [pairKey],
      ...want,
    });
    return await repos.meetings.create(id, scheduledMeetingFields(user, fair, source, booking, [pairKey, ...booking.keys]), user.id);
  } catch (err) {
    if (!(await repos.meetings.findById(id))) await repos.reservations.release([pairKey], id);
    throw err;
  }
}

/** Progress is written every this many meetings: one small write per few bookings (each takes several). */
const PROGRESS_EVERY = 10;

/**
 * Publishes a draft: books every planned request and proposal in its slot (booked meetings are
 * already in place; a re-plan first moves and cancels the ones it changes, publishReplan.ts), then
 * tells every company with new meetings. Runs once per plan, whoever clicks: a
 * second publish, during or after the first, is refused with its own message; a meeting someone
 * booked over in the meantime is reported, not forced. Meetings with an interpreter and a planned
 * table go first, so the tables that keep her walks short are still free; how many are booked is
 * written as it goes (the page shows it).
 */
export async function publishPlan(ctx: SchedulerContext, user: UserRecord, planId: string) {
  const { repos } = ctx;
  const plan = await repos.schedulePlans.findById(planId);
  if (!plan) throw notFound();
  if (plan.status !== "draft") throw new AppError("conflict", { plan: "planPublished" });
  const fair = await repos.fairs.findById(plan.fairId);
  if (!fair) throw notFound();
  if (!(await repos.reservations.claimNew(`publish:${plan.id}`, plan.id))) {
    const now = await repos.schedulePlans.findById(plan.id);
    throw new AppError("conflict", { plan: now?.status === "published" ? "planPublished" : "planPublishing" });
  }
  const conflicts: { meeting: string; reason: string }[] = [];
  const companies = new Set<string>();
  let standing: Awaited<ReturnType<typeof publishStandingChanges>> | undefined;
  const planned = plan.solution.assignments
    .filter((a) => plan.sources[a.meeting] && plan.sources[a.meeting]!.kind !== "booked")
    .sort((x, y) => Number(!!(y.interpreter && y.table)) - Number(!!(x.interpreter && x.table)))
    .map((a) => ({ a, source: plan.sources[a.meeting]! }));
  const total = planned.length;
  let booked = 0;
  try {
    await repos.schedulePlans.setPublishProgress(plan.id, fair.id, { done: 0, total });
    // A re-plan first moves and cancels the booked meetings it changes: that frees the places its new meetings take.
    if (plan.replan) {
      standing = await publishStandingChanges(ctx, user, fair, plan);
      conflicts.push(...standing.conflicts);
    }
    // Most of a plan books as planned, in batches; what a database answer could change, one by one.
    const world = await loadPlanWorld(ctx, fair, planned);
    const slotOf = (a: Assignment) => plannedSlot(fair, plan.instance, a.slot);
    const batch = await bookAsPlanned(ctx, user, fair, world, slotOf, planned, (done) =>
      repos.schedulePlans.setPublishProgress(plan.id, fair.id, { done, total }),
    );
    booked = batch.booked.length;
    for (const { source } of batch.booked) companies.add(source.a).add(source.b);
    for (const [i, { a, source }] of batch.oneByOne.entries()) {
      if (i > 0 && i % PROGRESS_EVERY === 0) await repos.schedulePlans.setPublishProgress(plan.id, fair.id, { done: booked + i, total });
      try {
        await bookPlanned(ctx, user, fair, plan.instance, a, source);
        booked++;
        companies.add(source.a).add(source.b);
      } catch (err) {
        conflicts.push({ meeting: a.meeting, reason: reasonOf(err) });
      }
    }
  } catch (err) {
    // Interrupted (the database went away): the plan may be published again; what was booked stays
    // booked, and a second run reports those meetings as already changed.
    await repos.reservations.release([`publish:${plan.id}`], plan.id);
    throw err;
  }
  const publishResult = { booked, ...(standing ? { moved: standing.moved, cancelled: standing.cancelled } : {}), conflicts };
  const published = { status: "published" as const, publishedAt: ctx.now(), publishResult };
  await repos.schedulePlans.markPublished(plan.id, published.publishedAt, published.publishResult);
  await ctx.notifier.schedulePublished([...companies], user.id, fair.timeZone);
  // The plan as published, without reading its large document again.
  return { ...plan, ...published };
}
