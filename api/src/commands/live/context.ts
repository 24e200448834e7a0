import type { MeetingContext } from "../meetings/context";
import type { EventPublisher } from "../../services/events";
import type { VideoService } from "../../services/livekit";

/** What the realtime, video and booth commands work with. */
export interface LiveContext {
  meetings: MeetingContext;
  events: EventPublisher;
  /** Absent when the api runs without LiveKit configured (tests of other features): video endpoints answer 503. */
  video: VideoService | undefined;
  /** Shared with the realtime service, which verifies what it signs. */
  realtimeSecret: string;
}
