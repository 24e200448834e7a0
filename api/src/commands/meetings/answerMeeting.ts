import { OPEN_STATUSES, answeringSide, type MeetingAcceptBody, type MeetingCounterBody, type MeetingDeclineBody } from "@ketnoi/contracts";
import { AppError, validationFailed } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { meetingPolicy } from "../../policies/meeting";
import { requestExpiry } from "../../domain/meetings/requestRules";
import { slotAt } from "../../domain/fairSlots";
import { bookedFields, checkBothAvailable, claimBooking, slotOf } from "./booking";
import { loadVisibleMeeting, noteChange, orConflict, requireStatus } from "./loadMeeting";
import { detailsOf, loadCompaniesAndFair, loadParties, type MeetingDetails } from "./parties";
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
export async function acceptMeeting(ctx: MeetingContext, user: UserRecord, id: string, body: MeetingAcceptBody): Promise<MeetingDetails> {
  const { meeting } = await loadForAnswer(ctx, user, id);
  const { requester, recipient, fair } = await loadCompaniesAndFair(ctx, meeting);
  const slot = body.slot ? slotOf(fair, body.slot) : meeting.proposal?.start ? slotAt(fair, meeting.proposal.start) : undefined;
  if (!slot) throw validationFailed({ slot: "slotRequired" });
  const booking = await claimBooking(ctx, { meetingId: meeting.id, fair, requester, recipient, preferredMode: meeting.preferredMode, slot });
  const booked = await orConflict(
    () =>
      ctx.repos.meetings.change(meeting, "accepted", user.id, {
        set: { ...bookedFields(booking), reservationKeys: [...meeting.reservationKeys, ...booking.keys] },
        unset: ["proposal", "expiresAt"],
      }),
    () => ctx.repos.reservations.release(booking.keys, meeting.id),
  );
  const parties = { requester, recipient, fair, interpreter: booking.interpreter ?? null };
  await ctx.notifier.meetingChanged("meeting_booked", booked, user.id, parties);
  return detailsOf(booked, parties);
}

/** Declines an open meeting with a reason; the pair is free to try again later. */
export async function declineMeeting(
  ctx: MeetingContext,
  user: UserRecord,
  id: string,
  { reason, note }: MeetingDeclineBody,
): Promise<MeetingDetails> {
  const { meeting } = await loadForAnswer(ctx, user, id);
  const parties = await loadParties(ctx, meeting);
  const declined = await orConflict(() =>
    ctx.repos.meetings.change(meeting, "declined", user.id, {
      set: { status: "declined", declineReason: reason, ...noteChange(note).set, reservationKeys: [] },
      unset: ["expiresAt", ...noteChange(note).unset],
    }),
  );
  await ctx.repos.reservations.release(meeting.reservationKeys, meeting.id);
  await ctx.notifier.meetingChanged("meeting_declined", declined, user.id, parties);
  return detailsOf(declined, parties);
}

/** Proposes another slot instead; the other side answers next, and the clock to answer starts again. */
export async function counterMeeting(ctx: MeetingContext, user: UserRecord, id: string, body: MeetingCounterBody): Promise<MeetingDetails> {
  const { meeting, side } = await loadForAnswer(ctx, user, id);
  const { requester, recipient, fair } = await loadCompaniesAndFair(ctx, meeting);
  const slot = slotOf(fair, body.slot);
  await checkBothAvailable(ctx, fair, requester, recipient, slot);
  const countered = await orConflict(() =>
    ctx.repos.meetings.change(meeting, "countered", user.id, {
      set: {
        status: "countered",
        proposal: { start: slot.start, end: slot.end, by: side },
        expiresAt: requestExpiry(ctx.now(), ctx.settings.requestTtlHours, slot.start),
        ...noteChange(body.message).set,
      },
      unset: [...noteChange(body.message).unset],
    }),
  );
  const parties = { requester, recipient, fair, interpreter: null };
  await ctx.notifier.meetingChanged("meeting_countered", countered, user.id, parties);
  return detailsOf(countered, parties);
}
