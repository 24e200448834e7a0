import { OPEN_STATUSES, type MeetingCancelBody, type MeetingRescheduleBody } from "@ketnoi/contracts";
import { AppError, validationFailed } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { meetingPolicy } from "../../policies/meeting";
import { claimBooking, slotOf } from "./booking";
import { moveToBooking } from "./moveToBooking";
import { loadVisibleMeeting, noteChange, orConflict, requireStatus } from "./loadMeeting";
import { detailsOf, loadCompaniesAndFair, loadParties, type MeetingDetails } from "./parties";
import type { MeetingContext } from "./context";

/** Cancels a booked meeting, or withdraws an open request: everything it held is released, everyone is told. */
export async function cancelMeeting(ctx: MeetingContext, user: UserRecord, id: string, { note }: MeetingCancelBody): Promise<MeetingDetails> {
  const meeting = await loadVisibleMeeting(ctx, user, id);
  if (!meetingPolicy.canChangeBooking(user, meeting)) throw new AppError("forbidden");
  requireStatus(ctx, meeting, ["booked", ...OPEN_STATUSES]);
  const parties = await loadParties(ctx, meeting);
  const cancelled = await orConflict(() =>
    ctx.repos.meetings.change(meeting, "cancelled", user.id, {
      set: { status: "cancelled", sequence: meeting.sequence + 1, reservationKeys: [], ...noteChange(note).set },
      unset: ["expiresAt", ...noteChange(note).unset],
    }),
  );
  await ctx.repos.reservations.release(meeting.reservationKeys, meeting.id);
  await ctx.notifier.meetingChanged("meeting_cancelled", cancelled, user.id, parties);
  return detailsOf(cancelled, parties);
}

/**
 * Moves a booked meeting to another slot: the new slot's reservations are claimed before the old
 * ones are released, so a failed move leaves the meeting where it was.
 */
export async function rescheduleMeeting(ctx: MeetingContext, user: UserRecord, id: string, body: MeetingRescheduleBody): Promise<MeetingDetails> {
  const meeting = await loadVisibleMeeting(ctx, user, id);
  if (!meetingPolicy.canChangeBooking(user, meeting)) throw new AppError("forbidden");
  requireStatus(ctx, meeting, ["booked"]);
  const { requester, recipient, fair } = await loadCompaniesAndFair(ctx, meeting);
  const slot = slotOf(fair, body.slot);
  if (meeting.startsAt?.getTime() === slot.start.getTime()) throw validationFailed({ slot: "sameSlot" });
  const booking = await claimBooking(ctx, {
    meetingId: meeting.id,
    fair,
    requester,
    recipient,
    preferredMode: meeting.preferredMode,
    slot,
    holds: meeting.reservationKeys,
  });
  const moved = await moveToBooking(ctx, meeting, booking, "rescheduled", user.id);
  const parties = { requester, recipient, fair, interpreter: booking.interpreter ?? null };
  await ctx.notifier.meetingChanged("meeting_rescheduled", moved, user.id, parties);
  return detailsOf(moved, parties);
}
