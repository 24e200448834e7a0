import { RoomServiceClient } from "livekit-server-sdk";

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
