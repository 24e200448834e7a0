import { AppError } from "../../errors";
import type { FairRecord } from "../../repositories/fairRepository";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import { slotAt } from "../../domain/fairSlots";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { bookedFields, claimBooking, droppedFields, freeCommonSlots, type Booking } from "./booking";
import { loadCompaniesAndFair } from "./parties";
import type { MeetingContext } from "./context";

/** Whether a booked meeting still fits the fair as set up now: its time is a slot, its table or room still exists. */
function stillFits(fair: FairRecord, m: MeetingRecord) {
  if (!m.startsAt || !m.endsAt || slotAt(fair, m.startsAt)?.end.getTime() !== m.endsAt.getTime()) return false;
  if (m.mode === "onsite") return (m.table ?? Infinity) <= fair.onsiteTables;
  return (m.roomNumber ?? Infinity) <= fair.onlineRoomsPerSlot;
}

/**
 * After an organiser changes the fair's days, hours, breaks, tables or rooms: every booked meeting
 * that no longer fits is moved to the nearest slot (or table, or room) both sides still have free,
 * or, failing that, cancelled; either way everyone involved is told. Nothing is dropped silently.
 */
export async function replanAfterFairChange(ctx: MeetingContext, fair: FairRecord, actorUserId: string) {
  let moved = 0;
  let cancelled = 0;
  for (const meeting of await ctx.repos.meetings.listForFair(fair.id)) {
    if (meeting.status !== "booked" || stillFits(fair, meeting)) continue;
    const { requester, recipient } = await loadCompaniesAndFair(ctx, meeting);
    let booking: Booking | undefined;
    for (const slot of await freeCommonSlots(ctx, fair, requester, recipient, { near: meeting.startsAt, except: meeting.id, limit: 10 })) {
      try {
        booking = await claimBooking(ctx, {
          meetingId: meeting.id,
          fair,
          requester,
          recipient,
          preferredMode: meeting.mode ?? meeting.preferredMode,
          slot,
          holds: meeting.reservationKeys,
          ...(meeting.interpreterId ? { preferInterpreter: meeting.interpreterId } : {}),
        });
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
    const interpreter = booking ? (booking.interpreter ?? null) : undefined; // a cancelled meeting's interpreter is read by the notifier
    await ctx.notifier.meetingChanged(booking ? "meeting_rescheduled" : "meeting_cancelled", changed, actorUserId, {
      requester,
      recipient,
      fair,
      ...(interpreter !== undefined ? { interpreter } : {}),
    });
    if (booking) moved++;
    else cancelled++;
  }
  return { moved, cancelled };
}
