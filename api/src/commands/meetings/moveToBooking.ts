import type { MeetingRecord } from "../../repositories/meetingRepository";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { bookedFields, droppedFields, type Booking } from "./booking";
import { orConflict } from "./loadMeeting";
import type { MeetingContext } from "./context";

/**
 * Moves a booked meeting to a booking already claimed for it (claimBooking): the meeting takes the
 * new place, then lets go of what it held there and no longer needs (the pair's claim stays). A
 * meeting changed meanwhile is a conflict, and the new claims are released: the meeting stays where
 * it was. The one way a booked meeting changes place: a firm's move and a re-plan's alike.
 */
export async function moveToBooking(ctx: MeetingContext, meeting: MeetingRecord, booking: Booking, kind: string, actorUserId: string) {
  const pair = meeting.reservationKeys.filter(reservationKeys.isPair);
  const moved = await orConflict(
    () =>
      ctx.repos.meetings.change(meeting, kind, actorUserId, {
        set: { ...bookedFields(booking), sequence: meeting.sequence + 1, reservationKeys: [...pair, ...booking.keys] },
        unset: droppedFields(booking),
      }),
    // What it held before and the new booking keeps (its time, when only the mode changes) stays.
    () =>
      ctx.repos.reservations.release(
        booking.keys.filter((k) => !meeting.reservationKeys.includes(k)),
        meeting.id,
      ),
  );
  await ctx.repos.reservations.release(
    meeting.reservationKeys.filter((k) => !reservationKeys.isPair(k) && !booking.keys.includes(k)),
    meeting.id,
  );
  return moved;
}
