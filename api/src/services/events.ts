import { Emitter } from "@socket.io/redis-emitter";
import type { RedisClient } from "./redis";

/** What the api tells connected users; the realtime service delivers it (the api never holds sockets). */
export interface NotificationEvent {
  id: string;
  kind: string;
  meetingId?: string;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface EventPublisher {
  /** Delivers to every socket of these users, on whichever realtime node they are connected. */
  notify(userIds: string[], event: NotificationEvent): void;
  /** Delivers an event to a room (`meeting:<id>`, `booth:<companyId>`, `user:<id>`) on every realtime node. */
  publish(room: string | string[], event: string, payload: unknown): void;
  /** Closes every socket in the room, on every realtime node (a session that ended). */
  disconnect(room: string): void;
}

/** The room each user's sockets join on the realtime service. */
export const userRoom = (userId: string) => `user:${userId}`;

/** Through Redis with the Socket.IO emitter: the realtime nodes' Redis adapter picks it up. */
export function redisEventPublisher(redis: RedisClient): EventPublisher {
  const emitter = new Emitter(redis);
  return {
    notify(userIds, event) {
      if (!userIds.length || !redis.isReady) return; // stored notifications are fetched on reconnect
      emitter.to(userIds.map(userRoom)).emit("notification", event);
    },
    publish(room, event, payload) {
      if (!redis.isReady || (Array.isArray(room) && !room.length)) return;
      emitter.to(room).emit(event, payload);
    },
    disconnect(room) {
      // Without Redis the socket outlives the session only until its next reconnect, which needs a new token.
      if (redis.isReady) emitter.in(room).disconnectSockets(true);
    },
  };
}

/** Without Redis there is no realtime delivery; notifications stay readable through the api. */
export const noEventPublisher: EventPublisher = { notify() {}, publish() {}, disconnect() {} };
