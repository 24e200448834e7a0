import { AppError, validationFailed } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { meetingPolicy } from "../../policies/meeting";
import { requestExpiry } from "../../domain/meetings/requestRules";
import { OPEN_STATUSES, answeringSide } from "@ketnoi/contracts";
import { fairSlots } from "../../domain/fairSlots";
import { bookedFields, checkBothAvailable, claimBooking, loadParties, slotOf } from "./booking";
import { loadVisibleMeeting, noteChange, orConflict, requireStatus } from "./loadMeeting";
import type { MeetingContext } from "./context";

/** Loads an open meeting and checks that it is the caller's side's turn to answer it. */
async function loadForAnswer(ctx: MeetingContext, user: UserRecord, id: string) {
  const meeting = await loadVisibleMeeting(ctx, user, id);
  const side = meetingPolicy.sideOf(user, meeting);
  if (!side) throw new AppError("forbidden");
  requireStatus(ctx, meeting, OPEN_STATUSES);
  const turn = answeringSide({ requesterId: meeting.requesterId, recipientId: meeting.recipientId, proposalBy: meeting.proposal?.by });
  if (side !== turn) throw new AppError("conflict", { meeting: "notYourTurn" });
  return { meeting, side };
}

/** Accepts a request (in a slot of the answerer's choosing) or a counter-proposal (in its slot): the meeting is booked. */
export async function acceptMeeting(ctx: MeetingContext, user: UserRecord, id: string, slotId?: string) {
  const { meeting } = await loadForAnswer(ctx, user, id);
  const { requester, recipient, fair } = await loadParties(ctx, meeting.requesterId, meeting.recipientId, meeting.fairId);
  const proposedAt = meeting.proposal?.start?.getTime();
  const proposed = proposedAt !== undefined ? fairSlots(fair).find((s) => s.start.getTime() === proposedAt) : undefined;
  const chosen = slotId ?? proposed?.id;
  if (!chosen) throw validationFailed({ slot: "slotRequired" });
  const booking = await claimBooking(ctx, { meetingId: meeting.id, fair, requester, recipient, preferredMode: meeting.preferredMode, slotId: chosen });
  const booked = await orConflict(
    () =>
      ctx.repos.meetings.change(meeting, "accepted", user.id, {
        set: { ...bookedFields(booking), reservationKeys: [...meeting.reservationKeys, ...booking.keys] },
        unset: ["proposal", "expiresAt"],
      }),
    () => ctx.repos.reservations.release(booking.keys, meeting.id),
  );
  await ctx.notifier.meetingChanged("meeting_booked", booked, user.id, { requester, recipient, fair });
  return booked;
}

/** Declines an open meeting with a reason; the pair is free to try again later. */
export async function declineMeeting(ctx: MeetingContext, user: UserRecord, id: string, reason: string, note: string) {
  const { meeting } = await loadForAnswer(ctx, user, id);
  const declined = await orConflict(() =>
    ctx.repos.meetings.change(meeting, "declined", user.id, { set: { status: "declined", declineReason: reason as never, ...noteChange(note).set, reservationKeys: [] }, unset: ["expiresAt", ...noteChange(note).unset] }),
  );
  await ctx.repos.reservations.release(meeting.reservationKeys, meeting.id);
  await ctx.notifier.meetingChanged("meeting_declined", declined, user.id);
  return declined;
}

/** Proposes another slot instead; the other side answers next, and the clock to answer starts again. */
export async function counterMeeting(ctx: MeetingContext, user: UserRecord, id: string, slotId: string, message: string) {
  const { meeting, side } = await loadForAnswer(ctx, user, id);
  const { requester, recipient, fair } = await loadParties(ctx, meeting.requesterId, meeting.recipientId, meeting.fairId);
  const slot = slotOf(fair, slotId);
  await checkBothAvailable(ctx, fair, requester, recipient, slot);
  const countered = await orConflict(() =>
    ctx.repos.meetings.change(meeting, "countered", user.id, {
      set: {
        status: "countered",
        proposal: { start: slot.start, end: slot.end, by: side },
        expiresAt: requestExpiry(ctx.now(), ctx.settings.requestTtlHours, slot.start),
        ...noteChange(message).set,
      },
      unset: [...noteChange(message).unset],
    }),
  );
  await ctx.notifier.meetingChanged("meeting_countered", countered, user.id, { requester, recipient, fair });
  return countered;
}
