import { StaleMeetingError } from "../../repositories/meetingRepository";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import type { MeetingContext } from "../meetings/context";

/** How long after its end an online meeting that never had both parties in its room counts as a no-show. */
export const ONLINE_NO_SHOW_GRACE_MS = 15 * 60_000;

/**
 * Online meetings whose time is over without both parties ever in the room together (the webhook
 * marks those held) are recorded as no-shows; `absent` lists the sides that never joined.
 */
export async function closeUnattendedOnlineMeetings(ctx: MeetingContext) {
  const cutoff = new Date(ctx.now().getTime() - ONLINE_NO_SHOW_GRACE_MS);
  let closed = 0;
  for (const meeting of await ctx.repos.meetings.listBookedStarting(new Date(cutoff.getTime() - 7 * 24 * 3600_000), cutoff)) {
    if (meeting.mode !== "online" || !meeting.endsAt || meeting.endsAt > cutoff) continue;
    const joined = new Set((await ctx.repos.videoAttendance.listForMeeting(meeting.id)).filter((e) => e.kind === "joined" && e.access === "party").map((e) => e.companyId));
    const absent = [meeting.requesterId, meeting.recipientId].filter((c) => !joined.has(c));
    try {
      await ctx.repos.meetings.change(meeting, "video_no_show", undefined, {
        set: { status: "no_show", absent, reservationKeys: meeting.reservationKeys.filter((k) => !reservationKeys.isPair(k)) },
      });
      await ctx.repos.reservations.release(meeting.reservationKeys.filter(reservationKeys.isPair), meeting.id);
      closed++;
    } catch (err) {
      if (!(err instanceof StaleMeetingError)) throw err; // changed meanwhile: the next run looks again
    }
  }
  return closed;
}
