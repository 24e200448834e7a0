import { AppError } from "../../errors";
import type { FairRecord } from "../../repositories/fairRepository";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import { fairSlots } from "../../domain/fairSlots";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { alternativeSlots, bookedFields, claimBooking, droppedFields, loadParties, type Booking } from "./booking";
import type { MeetingContext } from "./context";

/**
 * Slot ids are positions in the day, so a change of hours or breaks renumbers them: each company's
 * blocked slots are carried over by their start time (a block on a slot that no longer exists goes).
 */
export async function carryBlockedSlots(ctx: MeetingContext, before: FairRecord, after: FairRecord) {
  const startOf = new Map(fairSlots(before).map((s) => [s.id, s.start.getTime()]));
  const idAt = new Map(fairSlots(after).map((s) => [s.start.getTime(), s.id]));
  for (const c of await ctx.repos.companies.listAll()) {
    if (c.fairId !== after.id || !c.blockedSlots?.length) continue;
    const carried = c.blockedSlots.map((id) => idAt.get(startOf.get(id) ?? NaN)).filter((id): id is string => id !== undefined);
    if (carried.join() !== c.blockedSlots.join()) await ctx.repos.companies.setBlockedSlots(c.id, [...new Set(carried)].sort());
  }
}

/** Whether a booked meeting still fits the fair as set up now: its time is a slot, its table or room still exists. */
function stillFits(fair: FairRecord, m: MeetingRecord, slotTimes: Set<string>) {
  if (!m.startsAt || !m.endsAt || !slotTimes.has(`${m.startsAt.getTime()}-${m.endsAt.getTime()}`)) return false;
  if (m.mode === "onsite") return (m.table ?? Infinity) <= fair.onsiteTables;
  const room = m.reservationKeys.find((k) => reservationKeys.kind(k) === "room");
  return room !== undefined && Number(room.slice(room.lastIndexOf(":") + 1)) <= fair.onlineRoomsPerSlot;
}

/**
 * After an organiser changes the fair's days, hours, breaks, tables or rooms: every booked meeting
 * that no longer fits is moved to the nearest slot (or table, or room) both sides still have free,
 * or, failing that, cancelled; either way everyone involved is told. Nothing is dropped silently.
 */
export async function replanAfterFairChange(ctx: MeetingContext, fair: FairRecord, actorUserId: string) {
  const slotTimes = new Set(fairSlots(fair).map((s) => `${s.start.getTime()}-${s.end.getTime()}`));
  let moved = 0;
  let cancelled = 0;
  for (const meeting of await ctx.repos.meetings.listForFair(fair.id)) {
    if (meeting.status !== "booked" || stillFits(fair, meeting, slotTimes)) continue;
    const { requester, recipient } = await loadParties(ctx, meeting.requesterId, meeting.recipientId, meeting.fairId);
    let booking: Booking | undefined;
    for (const alt of await alternativeSlots(ctx, fair, requester, recipient, { near: meeting.startsAt, except: meeting.id, limit: 10 })) {
      try {
        booking = await claimBooking(ctx, { meetingId: meeting.id, fair, requester, recipient, preferredMode: meeting.mode ?? meeting.preferredMode, slotId: alt.id, ...(meeting.interpreterId ? { preferInterpreter: meeting.interpreterId } : {}) });
        break;
      } catch (err) {
        if (!(err instanceof AppError && err.code === "conflict")) throw err;
      }
    }
    const pair = meeting.reservationKeys.filter(reservationKeys.isPair);
    const kept = new Set(booking?.keys ?? []);
    const changed = booking
      ? await ctx.repos.meetings.change(meeting, "replanned", actorUserId, {
          set: { ...bookedFields(booking), sequence: meeting.sequence + 1, reservationKeys: [...pair, ...booking.keys] },
          unset: droppedFields(booking),
        })
      : await ctx.repos.meetings.change(meeting, "cancelled_by_fair_change", actorUserId, {
          set: { status: "cancelled", sequence: meeting.sequence + 1, reservationKeys: [], cancelReason: "fair_change" },
          unset: ["expiresAt", "note"],
        });
    await ctx.repos.reservations.release(
      meeting.reservationKeys.filter((k) => !kept.has(k) && (!booking || !reservationKeys.isPair(k))),
      meeting.id,
    );
    await ctx.notifier.meetingChanged(booking ? "meeting_rescheduled" : "meeting_cancelled", changed, actorUserId, { requester, recipient, fair });
    if (booking) moved++;
    else cancelled++;
  }
  return { moved, cancelled };
}
