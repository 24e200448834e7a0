import { createClient } from "redis";
import type { Logger } from "pino";

/** A Redis client that keeps reconnecting in the background; errors are logged, not thrown. */
export async function connectRedis(url: string, logger: Logger) {
  const client = createClient({
    url,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 3000) },
  });
  let lastError = "";
  client.on("error", (err: Error) => {
    if (err.message !== lastError) logger.warn({ err: err.message }, "redis error");
    lastError = err.message;
  });
  client.on("ready", () => (lastError = ""));
  void client.connect().catch((err: Error) => logger.warn({ err: err.message }, "redis not reachable yet"));
  return client;
}

export type RedisClient = Awaited<ReturnType<typeof connectRedis>>;
