import { DateTime } from "luxon";
import type { Repositories } from "../repositories";
import type { FairRecord } from "../repositories/fairRepository";
import type { MeetingFields, MeetingRecord } from "../repositories/meetingRepository";
import { reservationKeys } from "../domain/meetings/reservationKeys";

/**
 * Moves the demo fair's live meetings `days` days on (same local times in the fair's zone) when a
 * seed re-dates a demo fair that has passed: booked meetings with their reservations, and the slot
 * a counter-proposal or request names. Open requests wait for an answer until the fair opens.
 * Meetings already over (held, no-show, cancelled, declined, lapsed) stay where they were, as history.
 * Each step can run again after an interruption: only what still lies before the new first day moves.
 * Nobody is notified: this is the demo's housekeeping, not an organiser's change.
 */
export async function redateDemoMeetings(repos: Repositories, fair: FairRecord, days: number, newFirstDay: string): Promise<number> {
  const zone = fair.timeZone;
  const opens = DateTime.fromISO(newFirstDay, { zone }).startOf("day").toJSDate();
  const shift = (d: Date) => DateTime.fromJSDate(d, { zone }).plus({ days }).toJSDate();
  let moved = 0;
  for (const meeting of await repos.meetings.listForFair(fair.id)) {
    if (!["booked", "requested", "countered"].includes(meeting.status)) continue;
    const set: Partial<MeetingFields> = {};
    if (meeting.startsAt && meeting.endsAt && meeting.startsAt < opens) {
      set.startsAt = shift(meeting.startsAt);
      set.endsAt = shift(meeting.endsAt);
    }
    if (meeting.proposal?.start && meeting.proposal.end && meeting.proposal.start < opens) {
      set.proposal = { ...meeting.proposal, start: shift(meeting.proposal.start), end: shift(meeting.proposal.end) };
    }
    if (meeting.status !== "booked" && meeting.expiresAt && meeting.expiresAt < opens) set.expiresAt = opens;
    if (!Object.keys(set).length) continue;
    if (meeting.status === "booked" && set.startsAt && !(await moveReservations(repos, meeting, set.startsAt))) continue;
    const keys = meeting.status === "booked" && set.startsAt ? rekey(meeting, set.startsAt) : meeting.reservationKeys;
    await repos.meetings.change(meeting, "redated_demo", undefined, { set: { ...set, reservationKeys: keys, sequence: meeting.sequence + 1 } });
    moved++;
  }
  await redateBlockedSlots(repos, fair, opens, shift);
  return moved;
}

/** Firms' blocked slots are named by their start: they move with the fair's days (same local times). */
async function redateBlockedSlots(repos: Repositories, fair: FairRecord, opens: Date, shift: (d: Date) => Date) {
  for (const c of await repos.companies.listAll()) {
    if (c.fairId !== fair.id || !c.blockedSlots.some((d) => d < opens)) continue;
    await repos.companies.setBlockedSlots(
      c.id,
      c.blockedSlots.map((d) => (d < opens ? shift(d) : d)),
    );
  }
}

/** What the meeting holds at its new start, built as a booking builds it: both firms' time, the same table, room or interpreter, and its pair. */
function rekey(meeting: MeetingRecord, start: Date): string[] {
  const end = new Date(start.getTime() + (meeting.endsAt!.getTime() - meeting.startsAt!.getTime()));
  return [
    ...meeting.reservationKeys.filter(reservationKeys.isPair),
    ...[meeting.requesterId, meeting.recipientId].flatMap((id) => reservationKeys.participantTime(id, start, end)),
    ...(meeting.table ? [reservationKeys.table(meeting.fairId, start, meeting.table)] : []),
    ...(meeting.roomNumber ? [reservationKeys.room(meeting.fairId, start, meeting.roomNumber)] : []),
    ...(meeting.interpreterId ? [reservationKeys.interpreter(meeting.interpreterId, start)] : []),
  ];
}

/** Claims what the meeting holds at its new time, then lets go of the old; false if something there is taken. */
async function moveReservations(repos: Repositories, meeting: MeetingRecord, start: Date): Promise<boolean> {
  const next = rekey(meeting, start).filter((k) => !reservationKeys.isPair(k));
  const claimed = await repos.reservations.claimAll(next, meeting.id);
  if (!claimed.ok) return false;
  await repos.reservations.release(
    meeting.reservationKeys.filter((k) => !reservationKeys.isPair(k)),
    meeting.id,
  );
  return true;
}
