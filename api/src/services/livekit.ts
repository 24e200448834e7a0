import { AccessToken, RoomServiceClient, WebhookReceiver } from "livekit-server-sdk";

export interface VideoRooms {
  /** Creates (or returns) a room with limits: rooms close when empty and admit few participants. */
  ensureRoom(name: string, options: { maxParticipants: number; emptyTimeoutSeconds: number }): Promise<void>;
  listRoomNames(): Promise<string[]>;
}

/** The LiveKit server API, by its http(s) URL (a ws(s) URL is accepted and converted). */
export function createVideoRooms(config: { url: string; apiKey: string; apiSecret: string }): VideoRooms {
  const host = config.url.replace(/^ws/, "http");
  const client = new RoomServiceClient(host, config.apiKey, config.apiSecret);
  return {
    async ensureRoom(name, { maxParticipants, emptyTimeoutSeconds }) {
      await client.createRoom({ name, maxParticipants, emptyTimeout: emptyTimeoutSeconds });
    },
    async listRoomNames() {
      return (await client.listRooms()).map((room) => room.name);
    },
  };
}

export interface VideoGrant {
  room: string;
  identity: string;
  name: string;
  metadata: string;
  canPublish: boolean;
  ttlSeconds: number;
}

/** What a verified LiveKit webhook tells us (only the parts we keep). */
export interface VideoWebhookEvent {
  id: string;
  event: string;
  room: string;
  at: Date;
  participant?: { identity: string; metadata: string };
}

export interface VideoService {
  rooms: VideoRooms;
  /** The LiveKit URL browsers connect to. */
  publicUrl: string;
  /** A token for exactly one room, short-lived; minted only after the caller's policy check. */
  mintToken(grant: VideoGrant): Promise<string>;
  /** Verifies the webhook's signature (Authorization: a JWT with the body's SHA-256); throws when it does not match. */
  receiveWebhook(body: string, authorization: string | undefined): Promise<VideoWebhookEvent>;
}

export function createVideoService(
  config: { url: string; publicUrl?: string; apiKey: string; apiSecret: string },
  rooms = createVideoRooms(config),
): VideoService {
  const receiver = new WebhookReceiver(config.apiKey, config.apiSecret);
  return {
    rooms,
    publicUrl: (config.publicUrl ?? config.url).replace(/^http/, "ws"),
    async mintToken({ room, identity, name, metadata, canPublish, ttlSeconds }) {
      const token = new AccessToken(config.apiKey, config.apiSecret, { identity, name, metadata, ttl: ttlSeconds });
      token.addGrant({ room, roomJoin: true, canPublish, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false });
      return token.toJwt();
    },
    async receiveWebhook(body, authorization) {
      if (!authorization) throw new Error("unsigned webhook");
      const e = await receiver.receive(body, authorization);
      return {
        id: e.id,
        event: e.event,
        room: e.room?.name ?? "",
        at: e.createdAt ? new Date(Number(e.createdAt) * 1000) : new Date(),
        ...(e.participant ? { participant: { identity: e.participant.identity, metadata: e.participant.metadata } } : {}),
      };
    },
  };
}
