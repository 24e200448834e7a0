import { randomBytes } from "node:crypto";
import type { MeetingRequestBody } from "@ketnoi/contracts";
import { AppError, notFound, validationFailed } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { requestExpiry } from "../../domain/meetings/requestRules";
import { bookedFields, checkModeFits, claimBooking, slotOf } from "./booking";
import { detailsOf, type MeetingDetails } from "./parties";
import { actingFirm, firmInEvent } from "../events/eventInContext";
import type { MeetingContext } from "./context";
import { maySeeCard } from "../../policies/companyVisibility";

/** The request body (a day part may be left out by internal callers) and, for internal callers, the interpreter to try first. */
export type RequestMeetingInput = Omit<MeetingRequestBody, "dayPart"> &
  Partial<Pick<MeetingRequestBody, "dayPart">> & {
    /** Internal callers only (the demo seed): the interpreter to try first for a booking. */
    preferInterpreter?: string;
  };

/**
 * A firm asks another to meet. Without a slot it is a request that holds nothing until answered and
 * lapses after the configured time; with a slot both sides have free it is booked at once
 * (self-service booking). Either way a pair has one live meeting at a time.
 */
export async function requestMeeting(
  ctx: MeetingContext,
  user: UserRecord,
  event: string | undefined,
  input: RequestMeetingInput,
): Promise<MeetingDetails> {
  const { repos } = ctx;
  if (!user.companyId) throw new AppError("forbidden");
  if (input.with === user.companyId) throw validationFailed({ with: "sameCompany" });
  const [{ fair, own: requester }, other] = await Promise.all([actingFirm(ctx, user, event), repos.companies.findById(input.with)]);
  // The other firm as it takes part in the same event (not found when it is not registered there).
  const recipient = other && (await firmInEvent(ctx, fair.id, other));
  if (!recipient) throw notFound();
  if (!(await maySeeCard(repos, user, recipient))) throw notFound();
  if (requester.status === "pending") throw new AppError("forbidden", { company: "notApproved" });
  checkModeFits(input.mode, requester, recipient);

  const slot = input.slot ? slotOf(fair, input.slot) : undefined; // a bad slot is a field error before anything is claimed
  const id = repos.meetings.newId();
  const pairKey = reservationKeys.pair(fair.id, requester.id, recipient.id);
  const base = {
    fairId: fair.id,
    requesterId: requester.id,
    recipientId: recipient.id,
    parties: [requester.id, recipient.id],
    requestedBy: user.id,
    message: input.message,
    preferredMode: input.mode,
    dayPart: input.dayPart ?? "any",
    sequence: 0,
    outcomes: [],
    absent: [],
    checkInCode: randomBytes(18).toString("base64url"),
  };
  // A meeting that may not have been written lets go of what it claimed (a write whose answer was
  // lost stands, and keeps its claims).
  const unlessWritten = async (keys: string[], err: unknown): Promise<never> => {
    if (!(await repos.meetings.findById(id))) await repos.reservations.release(keys, id);
    throw err;
  };
  if (slot) {
    // Booked at once: the pair's one live meeting is claimed with the firms' time, so a refusal of
    // either (the pair meeting already, a firm busy) leaves nothing claimed to let go.
    const booking = await claimBooking(ctx, {
      meetingId: id,
      fair,
      requester,
      recipient,
      preferredMode: input.mode,
      slot,
      holds: [], // a new meeting holds nothing
      pairKey,
      ...(input.preferInterpreter ? { preferInterpreter: input.preferInterpreter } : {}),
    });
    const meeting = await repos.meetings
      .create(id, { ...base, source: "booking", ...bookedFields(booking), reservationKeys: booking.keys }, user.id)
      .catch((err: unknown) => unlessWritten(booking.keys, err));
    const parties = { requester, recipient, fair, interpreter: booking.interpreter ?? null };
    await ctx.notifier.meetingChanged("meeting_booked", meeting, user.id, parties);
    return detailsOf(meeting, parties);
  }
  if (!(await repos.reservations.claimAll([pairKey], id, [])).ok) throw new AppError("conflict", { with: "alreadyMeeting" });
  const meeting = await repos.meetings
    .create(
      id,
      {
        ...base,
        source: "request",
        status: "requested",
        expiresAt: requestExpiry(ctx.now(), ctx.settings.requestTtlHours),
        reservationKeys: [pairKey],
      },
      user.id,
    )
    .catch((err: unknown) => unlessWritten([pairKey], err));
  const parties = { requester, recipient, fair, interpreter: null };
  await ctx.notifier.meetingChanged("meeting_requested", meeting, user.id, parties);
  return detailsOf(meeting, parties);
}
