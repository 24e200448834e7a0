import { VideoParticipantMetadataSchema, rooms, type MeetingLiveEvent } from "@ketnoi/contracts";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import { bothPartiesPresent, presentNow } from "../../domain/meetings/videoPresence";
import { meetingWindow } from "../../domain/meetings/meetingWindow";
import { heldByVideo, markHeldByVideo } from "./onlineAttendance";
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
 * when both parties are in the room together inside the meeting's window a booked meeting becomes
 * held (earlier, it is a test call and changes nothing); everyone in the meeting
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
  if (await heldByVideo(ctx.meetings, meeting, e.at)) meeting = (await markHeldByVideo(ctx.meetings, meeting)) ?? meeting;
  const events = await repos.videoAttendance.listForMeeting(meeting.id);
  ctx.events.publish(rooms.meeting(meeting.id), "meeting:live", liveState(meeting, events, e.at));
}

/**
 * A meeting's room as it is at `at`: who is in it and what that means (what a reconnecting client
 * reads). Before the window of a meeting still to be held opens, anyone in the room is on a test call.
 */
export function liveState(meeting: MeetingRecord, events: Parameters<typeof presentNow>[0], at: Date): MeetingLiveEvent {
  const present = presentNow(events);
  const together = bothPartiesPresent(events, meeting.requesterId, meeting.recipientId);
  const early = meeting.status === "booked" && meeting.startsAt && meeting.endsAt && at < meetingWindow(meeting.startsAt, meeting.endsAt).opens;
  const state: MeetingLiveEvent["state"] = !present.length
    ? "ended"
    : early
      ? "test_call"
      : together
        ? "started"
        : present.some((p) => p.access === "interpreter")
          ? "interpreter_joined"
          : "waiting";
  return {
    meetingId: meeting.id,
    state,
    present: present.map((p) => ({ userId: p.userId, access: p.access as never })),
    status: meeting.status,
    at: at.toISOString(),
  };
}
