import { z } from "zod";
import { OBJECT_ID_HEX, ObjectIdSchema } from "./objectId";

/**
 * The realtime service's rooms and events. Browsers authenticate at the handshake with a socket
 * token the api mints (`POST /api/realtime/token`, sent in `handshake.auth.token`, never in the URL)
 * and join a meeting or booth room with a ticket the api mints after its policy check
 * (`POST /api/realtime/tickets`). The api never emits to sockets: it publishes to these rooms through
 * Redis and the realtime nodes deliver.
 */
export const SOCKET_PATH = "/socket.io/";
/**
 * REALTIME_CHANNEL, read by the api and every realtime node: the prefix of the Redis channels the api's
 * events and the nodes' requests travel on. Deployments (or a test beside a running stack) sharing one
 * Redis keep apart with different values; the api and its nodes must agree.
 */
export const RealtimeChannelSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,64}$/, "must be 1-64 letters, digits, dots, colons, dashes or underscores")
  .default("socket.io");

const objectId = ObjectIdSchema;
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  meeting: (meetingId: string) => `meeting:${meetingId}`,
  booth: (companyId: string) => `booth:${companyId}`,
  /** A signed-in session's sockets (`sid` of the socket token): closed when the session ends. */
  session: (sid: string) => `session:${sid}`,
};
/** How long a socket token or room ticket lives (seconds): a client asks again on every (re)connect. */
export const SOCKET_TOKEN_TTL_SECONDS = 120;
/**
 * The Redis key marking a signed-in session as ended (sign-out, another sign-in over it, a password
 * reset, a deleted account): the api sets it for a token's lifetime, and realtime nodes refuse that
 * session's tokens while it exists (at the handshake and at every room join).
 */
export const endedSessionKey = (sid: string) => `ketnoi:ended-session:${sid}`;
/** A room a client may ask to join (with a ticket); `user:` rooms are joined at the handshake. */
export const JoinableRoomSchema = z.string().regex(new RegExp(`^(meeting|booth):${OBJECT_ID_HEX}$`), "not a room");
export type JoinableRoom = z.infer<typeof JoinableRoomSchema>;

/**
 * What the socket token says: who, in which role and company (its kind and expiry are the JWT's
 * audience and `exp`: realtimeToken.ts). A visitor who is not signed in gets a guest token
 * ("guest:<random>"): it admits to the public hall (live visitor counts) and nothing else, since
 * rooms need tickets and tickets need a user.
 */
export const SocketClaimsSchema = z.strictObject({
  sub: z.union([objectId, z.string().regex(/^guest:[0-9a-f]{16}$/)]),
  name: z.string(),
  role: z.enum(["organiser", "domestic", "vendor", "interpreter", "guest"]),
  companyId: objectId.optional(),
  /** The session the token was minted for (not its secret: a one-way digest), absent for guests. */
  sid: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
});
export type SocketClaims = z.infer<typeof SocketClaimsSchema>;

/** How a user is in a room, as the api's policy decided. */
export const ROOM_ACCESS = ["party", "interpreter", "organiser", "staff", "visitor"] as const;
export type RoomAccess = (typeof ROOM_ACCESS)[number];
/** What a room ticket says: who may join which room, and how (its expiry is the JWT's `exp`). */
export const RoomTicketClaimsSchema = z.strictObject({
  sub: objectId,
  room: JoinableRoomSchema,
  access: z.enum(ROOM_ACCESS),
});
export type RoomTicketClaims = z.infer<typeof RoomTicketClaimsSchema>;

export const SocketTokenViewSchema = z.object({ token: z.string(), expiresAt: z.iso.datetime() });
export const RoomTicketRequestSchema = z.strictObject({ room: JoinableRoomSchema });
export const RoomTicketViewSchema = z.object({
  ticket: z.string(),
  room: JoinableRoomSchema,
  access: z.enum(ROOM_ACCESS),
  expiresAt: z.iso.datetime(),
});

/* ---- client -> server ---- */
export const RoomJoinSchema = z.strictObject({ ticket: z.string().min(1).max(2000) });
export const RoomLeaveSchema = z.strictObject({ room: JoinableRoomSchema });
/** Every client event is acknowledged: ok, or an error code and nothing changed. */
export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: { code: "bad_request" | "unauthenticated" | "forbidden"; message: string } };
export interface ClientToServerEvents {
  "room:join": (payload: z.input<typeof RoomJoinSchema>, ack: (result: Ack<{ room: JoinableRoom; access: RoomAccess }>) => void) => void;
  "room:leave": (payload: z.input<typeof RoomLeaveSchema>, ack: (result: Ack) => void) => void;
}

/* ---- server -> client ---- */
export const HallVisitorsSchema = z.object({ count: z.number().int().min(0) });
export type HallVisitors = z.infer<typeof HallVisitorsSchema>;

/** A stored notification pushed live (the same rows GET /api/me/notifications lists). */
export const NotificationEventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  meetingId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type NotificationEvent = z.infer<typeof NotificationEventSchema>;

/**
 * What happens in an online meeting's video room, from LiveKit's webhooks. `test_call`: someone is
 * in the room before the meeting's window opens (MEETING_WINDOW_OPENS_MINUTES): nothing is recorded.
 */
export const MEETING_LIVE_STATES = ["waiting", "interpreter_joined", "started", "ended", "test_call"] as const;
export const MeetingLiveEventSchema = z.object({
  meetingId: z.string(),
  state: z.enum(MEETING_LIVE_STATES),
  /** Who is in the room now (user ids with their access). */
  present: z.array(z.object({ userId: z.string(), access: z.enum(ROOM_ACCESS) })),
  status: z.string(),
  at: z.iso.datetime(),
});
export type MeetingLiveEvent = z.infer<typeof MeetingLiveEventSchema>;

/** Who is in a booth now (sockets in its room, one entry per user). */
export const BoothPresenceSchema = z.object({
  companyId: z.string(),
  staff: z.number().int().min(0),
  visitors: z.number().int().min(0),
  people: z.array(z.object({ userId: z.string(), name: z.string(), access: z.enum(ROOM_ACCESS) })),
});
export type BoothPresence = z.infer<typeof BoothPresenceSchema>;

/**
 * Visitors (staff not counted) per booth, company id → count, for the hall's booth cards: the whole map
 * to a socket as it joins the hall (booths nobody visits left out), then, to the hall, the booths whose
 * presence changed (0 when the last visitor left); a booth not named keeps its last count.
 */
export const BoothCountsSchema = z.record(objectId, z.number().int().min(0));
export type BoothCounts = z.infer<typeof BoothCountsSchema>;

export const BoothQueueEntrySchema = z.object({ userId: z.string(), name: z.string(), position: z.number().int().min(1), askedAt: z.iso.datetime() });
/** Staff see the whole queue; a visitor sees their own place (position null once admitted or gone). */
export const BoothQueueViewSchema = z.object({
  companyId: z.string(),
  waiting: z.array(BoothQueueEntrySchema).optional(),
  position: z.number().int().min(1).nullable(),
  admitted: z.boolean(),
  /**
   * When the queue this view shows was read (ms since the epoch, with a sub-ms fraction; taken before the
   * read). Views of one queue made by several api processes at once can arrive out of order: a client
   * keeps the one read last (newerQueueView).
   */
  asOf: z.number(),
});
export type BoothQueueView = z.infer<typeof BoothQueueViewSchema>;

/** Of two views of a booth's queue, the one to show: the later read (the arriving one on a tie); staff keep their list. */
export function newerQueueView(old: BoothQueueView | null | undefined, arriving: BoothQueueView): BoothQueueView {
  if (!old) return arriving;
  if (old.waiting && !arriving.waiting) return old;
  return arriving.asOf >= old.asOf ? arriving : old;
}

export const BoothChatMessageSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  userId: z.string(),
  name: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
});
export type BoothChatMessage = z.infer<typeof BoothChatMessageSchema>;
export const BoothChatPostSchema = z.strictObject({ text: z.string().trim().min(1).max(1000) });
export const BoothChatDeletedSchema = z.object({ companyId: z.string(), id: z.string() });

export interface ServerToClientEvents {
  "hall:visitors": (payload: HallVisitors) => void;
  notification: (payload: NotificationEvent) => void;
  "meeting:live": (payload: MeetingLiveEvent) => void;
  "booth:presence": (payload: BoothPresence) => void;
  "booths:counts": (payload: BoothCounts) => void;
  "booth:queue": (payload: BoothQueueView) => void;
  "booth:chat": (payload: BoothChatMessage) => void;
  "booth:chat:deleted": (payload: z.infer<typeof BoothChatDeletedSchema>) => void;
}

/** A video room to join: the LiveKit server for browsers, the one room, and a short-lived token. */
export const VideoTokenViewSchema = z.object({
  serverUrl: z.string(),
  roomName: z.string(),
  participantToken: z.string(),
  identity: z.string(),
  canPublish: z.boolean(),
  expiresAt: z.iso.datetime(),
});
export type VideoTokenView = z.infer<typeof VideoTokenViewSchema>;
/** The metadata a video token carries, so every participant can label the others. */
export const VideoParticipantMetadataSchema = z.object({
  access: z.enum(ROOM_ACCESS),
  companyId: z.string().optional(),
  meetingId: z.string().optional(),
  boothId: z.string().optional(),
});
export type VideoParticipantMetadata = z.infer<typeof VideoParticipantMetadataSchema>;
