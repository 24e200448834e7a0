import { AppError } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { attendanceSummary } from "../../domain/meetings/videoPresence";
import { meetingAccess } from "./access";
import { liveState } from "./videoWebhook";
import type { LiveContext } from "./context";

/** The meeting's video room as it is now (what a reconnecting client reads): for whoever may see the meeting. */
export async function meetingRoomState(ctx: LiveContext, user: UserRecord, meetingId: string) {
  const { meeting } = await meetingAccess(ctx, user, meetingId);
  return liveState(meeting, await ctx.meetings.repos.videoAttendance.listForMeeting(meeting.id), ctx.meetings.now());
}

/** Who was in an online meeting's video room and for how long: organisers and the parties, not its interpreter. */
export async function meetingAttendance(ctx: LiveContext, user: UserRecord, meetingId: string) {
  const { meeting, access } = await meetingAccess(ctx, user, meetingId);
  if (access === "interpreter") throw new AppError("forbidden");
  const events = await ctx.meetings.repos.videoAttendance.listForMeeting(meeting.id);
  return { meeting, ...attendanceSummary(events, meeting.requesterId, meeting.recipientId, ctx.meetings.now()) };
}
