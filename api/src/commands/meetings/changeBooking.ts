import { AppError, validationFailed } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { meetingPolicy } from "../../policies/meeting";
import { OPEN_STATUSES } from "@ketnoi/contracts";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { fairSlots } from "../../domain/fairSlots";
import { bookedFields, claimBooking, droppedFields, loadParties } from "./booking";
import { loadVisibleMeeting, noteChange, orConflict, requireStatus } from "./loadMeeting";
import type { MeetingContext } from "./context";

/** Cancels a booked meeting, or withdraws an open request: everything it held is released, everyone is told. */
export async function cancelMeeting(ctx: MeetingContext, user: UserRecord, id: string, note: string) {
  const meeting = await loadVisibleMeeting(ctx, user, id);
  if (!meetingPolicy.canChangeBooking(user, meeting)) throw new AppError("forbidden");
  requireStatus(ctx, meeting, ["booked", ...OPEN_STATUSES]);
  const cancelled = await orConflict(() =>
    ctx.repos.meetings.change(meeting, "cancelled", user.id, {
      set: { status: "cancelled", sequence: meeting.sequence + 1, reservationKeys: [], ...noteChange(note).set },
      unset: ["expiresAt", ...noteChange(note).unset],
    }),
  );
  await ctx.repos.reservations.release(meeting.reservationKeys, meeting.id);
  await ctx.notifier.meetingChanged("meeting_cancelled", cancelled, user.id);
  return cancelled;
}

/**
 * Moves a booked meeting to another slot: the new slot's reservations are claimed before the old
 * ones are released, so a failed move leaves the meeting where it was.
 */
export async function rescheduleMeeting(ctx: MeetingContext, user: UserRecord, id: string, slotId: string) {
  const meeting = await loadVisibleMeeting(ctx, user, id);
  if (!meetingPolicy.canChangeBooking(user, meeting)) throw new AppError("forbidden");
  requireStatus(ctx, meeting, ["booked"]);
  const { requester, recipient, fair } = await loadParties(ctx, meeting.requesterId, meeting.recipientId, meeting.fairId);
  const current = meeting.startsAt && fairSlots(fair).find((s) => s.start.getTime() === meeting.startsAt!.getTime());
  if (current?.id === slotId) throw validationFailed({ slot: "sameSlot" });
  const booking = await claimBooking(ctx, { meetingId: meeting.id, fair, requester, recipient, preferredMode: meeting.preferredMode, slotId });
  const pair = meeting.reservationKeys.filter(reservationKeys.isPair);
  const moved = await orConflict(
    () =>
      ctx.repos.meetings.change(meeting, "rescheduled", user.id, {
        set: { ...bookedFields(booking), sequence: meeting.sequence + 1, reservationKeys: [...pair, ...booking.keys] },
        unset: droppedFields(booking),
      }),
    () => ctx.repos.reservations.release(booking.keys, meeting.id),
  );
  await ctx.repos.reservations.release(meeting.reservationKeys.filter((k) => !reservationKeys.isPair(k) && !booking.keys.includes(k)), meeting.id);
  await ctx.notifier.meetingChanged("meeting_rescheduled", moved, user.id, { requester, recipient, fair });
  return moved;
}
