import type { Database } from "./db/connection";
import type { HealthProbe } from "./services/health";
import type { VideoRooms } from "./services/livekit";
import type { RedisClient } from "./services/redis";
import type { MailTransport } from "./services/mailTransport";

export function createProbes(db: Database, video: VideoRooms, redis?: RedisClient, mail?: MailTransport): HealthProbe[] {
  const probes: HealthProbe[] = [
    { name: "db", required: true, check: () => db.ping() },
    { name: "livekit", required: true, check: async () => void (await video.listRoomNames()) },
  ];
  if (redis) {
    probes.push({
      name: "redis",
      required: false,
      check: async () => {
        if (!redis.isReady) throw new Error("not connected");
        await redis.ping();
      },
    });
  }
  // Mail is not required: while the server is away messages wait in the outbox and health says "degraded".
  if (mail) probes.push({ name: "mail", required: false, check: () => mail.verify() });
  return probes;
}
