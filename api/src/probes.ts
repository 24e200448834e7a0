import type { Database } from "./db/connection";
import type { HealthProbe } from "./services/health";
import type { VideoRooms } from "./services/livekit";
import type { RedisClient } from "./services/redis";

export function createProbes(db: Database, video: VideoRooms, redis?: RedisClient): HealthProbe[] {
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
  return probes;
}
