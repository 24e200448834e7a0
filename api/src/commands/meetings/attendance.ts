import type { MeetingNoShowBody, MeetingOutcomeBody } from "@ketnoi/contracts";
import { AppError, validationFailed } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { meetingPolicy } from "../../policies/meeting";
import { loadVisibleMeeting, orConflict, requireStatus } from "./loadMeeting";
import type { MeetingContext } from "./context";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { loadDetails, type MeetingDetails } from "./parties";
import { OUTCOME_STATUSES, outcomeTiming } from "../../domain/meetings/outcomeWindow";

/** Once a meeting has taken place (or not), the pair may book a follow-up: its one-live-meeting claim goes. */
export const withoutPair = (keys: string[]) => keys.filter((k) => !reservationKeys.isPair(k));
export const releasePair = (ctx: MeetingContext, m: MeetingRecord) =>
  ctx.repos.reservations.release(m.reservationKeys.filter(reservationKeys.isPair), m.id);

/**
 * The address the meeting's QR code holds, shown to whoever may record it as held; an online meeting has
 * none (404, as for a meeting the caller cannot see).
 */
export async function checkInLink(ctx: MeetingContext, user: UserRecord, id: string, publicOrigin: string): Promise<string> {
  const meeting = await loadVisibleMeeting(ctx, user, id);
  if (!meetingPolicy.canRecordAttendance(user, meeting) || meeting.mode !== "onsite") throw new AppError("not_found");
  return `${publicOrigin}/check-in/${meeting.id}?code=${meeting.checkInCode}`;
}

/** Records that a party did not come, once the meeting has started: by the other party or an organiser. */
export async function reportNoShow(ctx: MeetingContext, user: UserRecord, id: string, { absent }: MeetingNoShowBody): Promise<MeetingDetails> {
  const meeting = await loadVisibleMeeting(ctx, user, id);
  if (!meetingPolicy.canRecordAttendance(user, meeting)) throw new AppError("forbidden");
  requireStatus(ctx, meeting, ["booked"]);
  if (absent !== meeting.requesterId && absent !== meeting.recipientId) throw validationFailed({ absent: "notAParty" });
  if (meetingPolicy.sideOf(user, meeting) === absent) throw validationFailed({ absent: "ownSide" });
  if (ctx.now() < meeting.startsAt!) throw new AppError("conflict", { meeting: "notStarted" });
  const recorded = await orConflict(() =>
    ctx.repos.meetings.change(meeting, "no_show", user.id, {
      set: { status: "no_show", absent: [absent], reservationKeys: withoutPair(meeting.reservationKeys) },
    }),
  );
  await releasePair(ctx, meeting);
  return loadDetails(ctx, recorded);
}

/**
 * Each side records what came of a meeting it held (or one it was at), from its start until a year
 * after (domain/meetings/outcomeWindow.ts): a follow-up weeks after the event is recorded and counted.
 * A later record replaces the side's earlier one on the meeting; each is its own meeting event, so the
 * earlier ones stay in the meeting's history.
 */
export async function recordOutcome(
  ctx: MeetingContext,
  user: UserRecord,
  id: string,
  { outcome, note }: MeetingOutcomeBody,
): Promise<MeetingDetails> {
  const meeting = await loadVisibleMeeting(ctx, user, id);
  const side = meetingPolicy.sideOf(user, meeting);
  if (!side) throw new AppError("forbidden");
  requireStatus(ctx, meeting, OUTCOME_STATUSES);
  const timing = outcomeTiming(meeting.startsAt!, ctx.now());
  if (timing !== "open") throw new AppError("conflict", { meeting: timing === "notStarted" ? "notStarted" : "outcomeClosed" });
  const outcomes = [...meeting.outcomes.filter((o) => o.companyId !== side), { companyId: side, outcome, ...(note ? { note } : {}), at: ctx.now() }];
  return loadDetails(ctx, await orConflict(() => ctx.repos.meetings.change(meeting, "outcome", user.id, { set: { outcomes } })));
}
