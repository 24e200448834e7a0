import type { VideoParticipantMetadata, VideoTokenView } from "@ketnoi/contracts";
import { AppError } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import type { VideoService } from "../../services/livekit";
import { statusNow } from "../meetings/loadMeeting";
import { boothAccess, boothRoomName, meetingAccess } from "./access";
import type { LiveContext } from "./context";

/** A video token lets its holder in for ten minutes; the client asks for a new one to rejoin later. */
export const VIDEO_TOKEN_TTL_SECONDS = 600;
/** Rooms close a while after the last participant leaves; a meeting room admits its few people. */
export const MEETING_ROOM_LIMITS = { maxParticipants: 6, emptyTimeoutSeconds: 600 };
export const BOOTH_ROOM_LIMITS = { maxParticipants: 60, emptyTimeoutSeconds: 300 };

function videoOf(ctx: LiveContext): VideoService {
  if (!ctx.video) throw new AppError("service_unavailable");
  return ctx.video;
}

/** Creates the room through LiveKit's server API; while LiveKit is away that is a 503 saying video is down. */
async function ensureRoom(video: VideoService, room: string, limits: { maxParticipants: number; emptyTimeoutSeconds: number }) {
  try {
    await video.rooms.ensureRoom(room, limits);
  } catch (err) {
    throw Object.assign(new AppError("service_unavailable", { video: "videoUnavailable" }, 30), { cause: err });
  }
}

async function mint(
  video: VideoService,
  user: UserRecord,
  room: string,
  canPublish: boolean,
  metadata: VideoParticipantMetadata,
  now: Date,
): Promise<VideoTokenView> {
  const participantToken = await video.mintToken({
    room,
    identity: user.id,
    name: user.name,
    metadata: JSON.stringify(metadata),
    canPublish,
    ttlSeconds: VIDEO_TOKEN_TTL_SECONDS,
  });
  return {
    serverUrl: video.publicUrl,
    roomName: room,
    participantToken,
    identity: user.id,
    canPublish,
    expiresAt: new Date(now.getTime() + VIDEO_TOKEN_TTL_SECONDS * 1000).toISOString(),
  };
}

/**
 * A token for an online meeting's room: its two parties, its interpreter (marked as such in the
 * token's metadata) and organisers; only while it is booked (or held, to rejoin). The room is
 * created through LiveKit's server API with limits before the first token goes out.
 */
export async function meetingVideoToken(ctx: LiveContext, user: UserRecord, id: string): Promise<VideoTokenView> {
  const video = videoOf(ctx);
  const { meeting, access } = await meetingAccess(ctx, user, id);
  if (meeting.mode !== "online" || !meeting.onlineRoom) throw new AppError("conflict", { meeting: "notOnline" });
  if (!["booked", "held"].includes(statusNow(ctx.meetings, meeting))) throw new AppError("conflict", { meeting: "meetingClosed" });
  await ensureRoom(video, meeting.onlineRoom, MEETING_ROOM_LIMITS);
  const metadata: VideoParticipantMetadata = { access, meetingId: meeting.id, ...(user.companyId ? { companyId: user.companyId } : {}) };
  return mint(video, user, meeting.onlineRoom, true, metadata, ctx.meetings.now());
}

/** A booth's room: staff publish, a visitor admitted from the queue publishes, everyone else watches. */
export async function boothVideoToken(ctx: LiveContext, user: UserRecord, companyId: string): Promise<VideoTokenView> {
  const video = videoOf(ctx);
  const access = await boothAccess(ctx, user, companyId);
  const admitted = access === "visitor" && Boolean((await ctx.meetings.repos.booths.findEntry(companyId, user.id))?.admittedAt);
  const room = boothRoomName(ctx.realtimeSecret, companyId);
  await ensureRoom(video, room, BOOTH_ROOM_LIMITS);
  const metadata: VideoParticipantMetadata = { access, boothId: companyId, ...(user.companyId ? { companyId: user.companyId } : {}) };
  return mint(video, user, room, access === "staff" || access === "organiser" || admitted, metadata, ctx.meetings.now());
}
