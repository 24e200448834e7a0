import { Emitter } from "@socket.io/redis-emitter";
import { SOCKET_TOKEN_TTL_SECONDS, endedSessionKey, rooms } from "@ketnoi/contracts";
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
  /** Closes every socket in the room, on every realtime node (all of a user's, when the password changes). */
  disconnect(room: string): void;
  /**
   * A signed-in session ended: its socket tokens are refused from now on (a token minted before
   * still lives up to two minutes), and its open sockets are closed on every node.
   */
  sessionEnded(sid: string): Promise<void>;
}

/**
 * How long an ended session is remembered: a token's lifetime, plus a margin for a realtime node
 * whose clock is behind the api's (it checks a token's expiry by its own clock).
 */
const ENDED_SESSION_TTL_SECONDS = SOCKET_TOKEN_TTL_SECONDS + 60;

/** The room each user's sockets join on the realtime service. */
export const userRoom = (userId: string) => `user:${userId}`;

/** Through Redis with the Socket.IO emitter: the realtime nodes' Redis adapter picks it up. */
export function redisEventPublisher(redis: RedisClient, channel = "socket.io"): EventPublisher {
  const emitter = new Emitter(redis, { key: channel });
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
    async sessionEnded(sid) {
      // While Redis is away neither the record nor the disconnect gets through (the nodes cannot
      // check it either): a token already minted then works until it expires, two minutes at most.
      if (!redis.isReady) return;
      // Bounded, so a connection lost just now cannot hold up a sign-out.
      await redis.sendCommand(["SET", endedSessionKey(sid), "1", "EX", String(ENDED_SESSION_TTL_SECONDS)], { timeout: 1000 }).catch(() => undefined);
      emitter.in(rooms.session(sid)).disconnectSockets(true);
    },
  };
}

/** Without Redis there is no realtime delivery; notifications stay readable through the api. */
export const noEventPublisher: EventPublisher = { notify() {}, publish() {}, disconnect() {}, async sessionEnded() {} };
