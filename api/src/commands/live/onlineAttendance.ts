import { StaleMeetingError, type MeetingRecord } from "../../repositories/meetingRepository";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { meetingWindow } from "../../domain/meetings/meetingWindow";
import { partiesPresentWithin, togetherWithin } from "../../domain/meetings/videoPresence";
import type { MeetingContext } from "../meetings/context";

/** How long after its end an online meeting that never had both parties in its room counts as a no-show. */
export const ONLINE_NO_SHOW_GRACE_MS = 15 * 60_000;
/** How far back the periodic settling looks (meetings older than this were settled long ago). */
const LOOK_BACK_MS = 7 * 24 * 3600_000;
/** How far ahead it looks: any meeting whose window may have opened (heldByVideo decides). */
const LOOK_AHEAD_MS = 60 * 60_000;

const withoutPair = (m: MeetingRecord) => m.reservationKeys.filter((k) => !reservationKeys.isPair(k));
const releasePair = (ctx: MeetingContext, m: MeetingRecord) => ctx.repos.reservations.release(m.reservationKeys.filter(reservationKeys.isPair), m.id);

/**
 * Whether the parties' video presence makes this booked online meeting held by `until`: both in the
 * room together inside its window (meetingWindow). A test call before the window records nothing.
 */
export async function heldByVideo(ctx: MeetingContext, meeting: MeetingRecord, until: Date): Promise<boolean> {
  if (meeting.status !== "booked" || meeting.mode !== "online" || !meeting.startsAt || !meeting.endsAt) return false;
  const events = await ctx.repos.videoAttendance.listForMeeting(meeting.id);
  return togetherWithin(events, meeting.requesterId, meeting.recipientId, meetingWindow(meeting.startsAt, meeting.endsAt), until);
}

/** Records the meeting held by video; the pair may then book a follow-up, as after a check-in at a table. */
export async function markHeldByVideo(ctx: MeetingContext, meeting: MeetingRecord): Promise<MeetingRecord | undefined> {
  try {
    const held = await ctx.repos.meetings.change(meeting, "video_held", undefined, {
      set: { status: "held", reservationKeys: withoutPair(meeting) },
    });
    await releasePair(ctx, meeting);
    await ctx.notifier.meetingChanged("meeting_held", held);
    return held;
  } catch (err) {
    if (err instanceof StaleMeetingError) return (await ctx.repos.meetings.findById(meeting.id)) ?? undefined; // a concurrent change got there first
    throw err;
  }
}

/**
 * The periodic settling of online meetings, by their video presence inside their windows:
 * - held, when both parties were in the room together (this catches parties who joined before the
 *   window and stayed on into it, whom no webhook inside the window announced);
 * - a no-show once the meeting is over (plus a grace period) without that, naming the sides that
 *   never came inside the window.
 */
export async function settleOnlineMeetings(ctx: MeetingContext): Promise<{ held: number; noShows: number }> {
  const now = ctx.now();
  const settled = { held: 0, noShows: 0 };
  for (const meeting of await ctx.repos.meetings.listBookedStarting(
    new Date(now.getTime() - LOOK_BACK_MS),
    new Date(now.getTime() + LOOK_AHEAD_MS),
  )) {
    if (meeting.mode !== "online" || !meeting.startsAt || !meeting.endsAt) continue;
    if (await heldByVideo(ctx, meeting, now)) {
      if ((await markHeldByVideo(ctx, meeting))?.status === "held") settled.held++;
      continue;
    }
    if (meeting.endsAt.getTime() + ONLINE_NO_SHOW_GRACE_MS > now.getTime()) continue;
    const events = await ctx.repos.videoAttendance.listForMeeting(meeting.id);
    const came = partiesPresentWithin(events, meetingWindow(meeting.startsAt, meeting.endsAt));
    const absent = [meeting.requesterId, meeting.recipientId].filter((c) => !came.has(c));
    try {
      await ctx.repos.meetings.change(meeting, "video_no_show", undefined, {
        set: { status: "no_show", absent, reservationKeys: withoutPair(meeting) },
      });
      await releasePair(ctx, meeting);
      settled.noShows++;
    } catch (err) {
      if (!(err instanceof StaleMeetingError)) throw err; // changed meanwhile: the next run looks again
    }
  }
  return settled;
}
