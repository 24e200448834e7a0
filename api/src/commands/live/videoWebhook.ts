import { VideoParticipantMetadataSchema, rooms, type MeetingLiveEvent } from "@ketnoi/contracts";
import { StaleMeetingError, type MeetingRecord } from "../../repositories/meetingRepository";
import { reservationKeys } from "../../domain/meetings/reservationKeys";
import { bothPartiesPresent, presentNow } from "../../domain/meetings/videoPresence";
import type { VideoWebhookEvent } from "../../services/livekit";
import type { LiveContext } from "./context";

const PRESENCE_EVENTS = new Set(["participant_joined", "participant_left", "participant_connection_aborted"]);

function metadataOf(e: VideoWebhookEvent) {
  try {
    const parsed = VideoParticipantMetadataSchema.safeParse(JSON.parse(e.participant?.metadata || "null"));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A verified LiveKit webhook: joins and leaves in a meeting's room are recorded (once per event id);
 * when both parties are in the room together a booked meeting becomes held; everyone in the meeting
 * room of the realtime service hears what is happening (waiting, interpreter joined, started, ended).
 * Booth rooms and unknown rooms are ignored.
 */
export async function handleVideoWebhook(ctx: LiveContext, e: VideoWebhookEvent): Promise<void> {
  const { repos } = ctx.meetings;
  const meta = metadataOf(e);
  if (!PRESENCE_EVENTS.has(e.event) || !meta?.meetingId || !e.participant) return;
  let meeting = await repos.meetings.findById(meta.meetingId);
  if (!meeting || meeting.onlineRoom !== e.room) return;
  await repos.videoAttendance.record({
    id: e.id,
    meetingId: meeting.id,
    room: e.room,
    userId: e.participant.identity,
    access: meta.access,
    ...(meta.companyId ? { companyId: meta.companyId } : {}),
    kind: e.event === "participant_joined" ? "joined" : "left",
    at: e.at,
  });
  const events = await repos.videoAttendance.listForMeeting(meeting.id);
  const together = bothPartiesPresent(events, meeting.requesterId, meeting.recipientId);
  if (together && meeting.status === "booked") meeting = (await markHeld(ctx, meeting)) ?? meeting;
  ctx.events.publish(rooms.meeting(meeting.id), "meeting:live", liveState(meeting, events, e.at));
}

/** A meeting's room as it is now: who is in it and what that means (what a reconnecting client reads). */
export function liveState(meeting: MeetingRecord, events: Parameters<typeof presentNow>[0], at: Date): MeetingLiveEvent {
  const present = presentNow(events);
  const together = bothPartiesPresent(events, meeting.requesterId, meeting.recipientId);
  const state: MeetingLiveEvent["state"] = together ? "started" : present.some((p) => p.access === "interpreter") ? "interpreter_joined" : present.length ? "waiting" : "ended";
  return { meetingId: meeting.id, state, present: present.map((p) => ({ userId: p.userId, access: p.access as never })), status: meeting.status, at: at.toISOString() };
}

async function markHeld(ctx: LiveContext, meeting: MeetingRecord): Promise<MeetingRecord | undefined> {
  const { repos } = ctx.meetings;
  try {
    const held = await repos.meetings.change(meeting, "video_held", undefined, {
      set: { status: "held", reservationKeys: meeting.reservationKeys.filter((k) => !reservationKeys.isPair(k)) },
    });
    // The pair may book a follow-up, as after a check-in at a table.
    await repos.reservations.release(meeting.reservationKeys.filter(reservationKeys.isPair), meeting.id);
    await ctx.meetings.notifier.meetingChanged("meeting_held", held);
    return held;
  } catch (err) {
    if (err instanceof StaleMeetingError) return (await repos.meetings.findById(meeting.id)) ?? undefined; // a concurrent webhook got there first
    throw err;
  }
}
