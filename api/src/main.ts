import { createServer } from "node:http";
import { loadConfig, ConfigError, type ApiConfig } from "./config/env";
import { createLogger } from "./logger";
import { connectDatabase, type Database } from "./db/connection";
import { createRepositories } from "./repositories";
import { createVideoRooms, createVideoService } from "./services/livekit";
import { connectRedis } from "./services/redis";
import { createProbes } from "./probes";
import { createApp } from "./app";
import { composeServices } from "./composition";
import { noEventPublisher, redisEventPublisher } from "./services/events";
import { workerSolver } from "./services/solverRunner";
import { loggingTransport, smtpTransport } from "./services/mailTransport";
import { startBackgroundJobs } from "./jobs";
import { migrateSlotIdentity } from "./commands/meetings/migrateSlotIdentity";
import { migrateParticipations } from "./commands/fairs/migrateParticipations";
import { createDirectorySnapshot } from "./services/directorySnapshot";

async function connectWithRetry(uri: string, redisUrl: string | undefined, log: (msg: string) => void): Promise<Database> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectDatabase(uri, redisUrl ? { revisionsRedisUrl: redisUrl } : {});
    } catch (err) {
      if (attempt >= 30) throw err;
      log(`database not reachable yet (${(err as Error).message}); retrying`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function main() {
  let config: ApiConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`ketnoi api: ${err.message}`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger("api", config.logLevel);
  const db = await connectWithRetry(config.mongodbUri, config.redisUrl, (msg) => logger.warn(msg));
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, logger) : undefined;
  const video = createVideoRooms(config.livekit);
  const repos = createRepositories(db.models);
  logger.info(await migrateSlotIdentity(repos), "stored slots named by their start"); // before anything is served
  logger.info(await migrateParticipations(repos), "firms registered for the fairs they belonged to");
  const events = redis ? redisEventPublisher(redis, config.realtimeChannel) : noEventPublisher;
  const mailer = config.mail.smtpUrl ? smtpTransport({ ...config.mail, smtpUrl: config.mail.smtpUrl }) : loggingTransport(logger);
  if (!config.mail.smtpUrl) logger.warn("no SMTP_URL: mail waits in the outbox and is only logged");
  const services = composeServices({
    logger,
    repos,
    probes: createProbes(db, video, redis, mailer),
    publicOrigin: config.publicOrigin,
    events,
    meetingSettings: config.meetings,
    solver: workerSolver(new URL("./workers/solve.js", import.meta.url), { nice: config.solverNice }),
    video: createVideoService(config.livekit, video),
    realtimeSecret: config.realtimeSecret,
    trustProxy: config.trustProxy,
    directorySnapshot: createDirectorySnapshot(config.cacheDir, db.connection.name),
    ...(redis ? { redis } : {}),
  });
  const app = createApp(services);
  const jobs = startBackgroundJobs({
    repos,
    meetings: services.meetings,
    transport: mailer,
    logger,
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
  });

  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, config.host, () => logger.info({ port: config.port, host: config.host }, "api listening"));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(async () => {
      await jobs.stop();
      mailer.close();
      await Promise.allSettled([db.close(), redis?.quit()]);
      clearTimeout(force);
      logger.info("stopped");
      process.exit(0);
    });
    // Keep-alive connections become idle as their last request finishes: close them then too.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 200).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  console.error("ketnoi api failed to start:", err);
  process.exit(1);
});
