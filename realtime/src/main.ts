import { pino } from "pino";
import { loadConfig } from "./config";
import { createRealtimeServer } from "./server";

let config;
try {
  config = loadConfig();
} catch (err) {
  console.error(`ketnoi realtime: ${(err as Error).message}`);
  process.exit(78);
}
const logger = pino({ name: "realtime", level: config.LOG_LEVEL });
const server = await createRealtimeServer(config, logger);
server.http.listen(config.REALTIME_PORT, config.REALTIME_HOST, () =>
  logger.info({ port: config.REALTIME_PORT, redis: Boolean(config.REDIS_URL) }, "realtime listening"),
);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  setTimeout(() => process.exit(1), 10_000).unref();
  void server.close().then(() => process.exit(0));
};
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
