import { pino } from "pino";
import { loadConfig, type RealtimeConfig } from "./config";
import { createRealtimeServer } from "./server";

let config: RealtimeConfig;
try {
  config = loadConfig();
} catch (err) {
  console.error(`ketnoi realtime: ${(err as Error).message}`);
  process.exit(78);
}
const logger = pino({ name: "realtime", level: config.LOG_LEVEL });
// The Redis adapter publishes without awaiting, so when Redis drops mid-publish the rejection has no
// handler and would end the process. A node holds no data: it logs, keeps serving its own sockets
// and reports Redis down on /healthz until the clients reconnect.
process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection; still serving"));
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
