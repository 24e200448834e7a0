import type { Logger } from "pino";
import { StaleMeetingError } from "../../repositories/meetingRepository";
import type { MeetingContext } from "./context";

/** Records lapsed requests as expired and frees the pair; the requester is told. */
export async function expireRequests(ctx: MeetingContext) {
  let expired = 0;
  for (const meeting of await ctx.repos.meetings.listLapsed(ctx.now())) {
    try {
      const done = await ctx.repos.meetings.change(meeting, "expired", undefined, { set: { status: "expired", reservationKeys: [] } });
      await ctx.repos.reservations.release(meeting.reservationKeys, meeting.id);
      await ctx.notifier.meetingChanged("meeting_expired", done);
      expired++;
    } catch (err) {
      if (!(err instanceof StaleMeetingError)) throw err; // answered at this very moment: the answer stands
    }
  }
  return expired;
}

/**
 * Sends each booked meeting's reminder once, `reminderMinutes` before it starts. The "sent" mark is
 * a unique reservation, so with several api processes running this job only one sends it; a moved
 * meeting (new start) gets a new reminder.
 */
export async function sendReminders(ctx: MeetingContext) {
  const now = ctx.now();
  const until = new Date(now.getTime() + ctx.settings.reminderMinutes * 60_000);
  let sent = 0;
  for (const meeting of await ctx.repos.meetings.listBookedStarting(now, until)) {
    const mark = `remind:${meeting.id}:${meeting.startsAt!.getTime()}`;
    if (!(await ctx.repos.reservations.claimNew(mark, meeting.id))) continue;
    await ctx.notifier.meetingChanged("meeting_reminder", meeting);
    sent++;
  }
  return sent;
}

/**
 * Releases reservations no meeting stands behind: claimed by a process that stopped before it
 * recorded the meeting (there are no transactions to undo it). Only claims older than `graceMs` are
 * looked at, so a booking in flight is never touched.
 */
export async function sweepOrphanReservations(ctx: MeetingContext, logger: Logger, graceMs = 120_000) {
  const old = await ctx.repos.reservations.listOlderThan(new Date(ctx.now().getTime() - graceMs));
  let released = 0;
  for (const { key, meetingId } of old) {
    if (key.startsWith("remind:")) continue;
    const meeting = await ctx.repos.meetings.findById(meetingId);
    if (meeting?.reservationKeys.includes(key)) continue;
    await ctx.repos.reservations.release([key], meetingId);
    released++;
  }
  if (released) logger.warn({ released }, "released reservations left by an interrupted booking");
  return released;
}
