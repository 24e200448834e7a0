import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { connectDatabase, type Database } from "../../api/src/db/connection";

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`npm test\`, which starts the test stack`);
  return value;
}

/** The real servers infra/test.sh started for this run. */
export const stack = {
  mongodbUrl: () => need("TEST_MONGODB_URL"),
  livekit: () => ({ url: need("TEST_LIVEKIT_URL"), apiKey: need("TEST_LIVEKIT_API_KEY"), apiSecret: need("TEST_LIVEKIT_API_SECRET") }),
  redisUrl: () => need("TEST_REDIS_URL"),
  baseUrl: () => need("E2E_BASE_URL"),
  /**
   * The database of the end-to-end app, for setting up what its api cannot make by the real clock (a
   * meeting whose check-in window is open now: the demo fair is days ahead). infra/test.sh exports
   * E2E_MONGODB_URI; a run beside the app's own environment has it as MONGODB_URI.
   */
  e2eMongodbUri: () => process.env.E2E_MONGODB_URI ?? need("MONGODB_URI"),
  chromiumPath: () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  artifactsDir: () => process.env.TEST_ARTIFACTS_DIR ?? "tests/artifacts",
  pids: () => need("KETNOI_STACK_PIDS").split(" ").map(Number),
  logDir: () => need("KETNOI_LOG_DIR"),
};

/** Where a test's api keeps its revisions: the database (as without REDIS_URL) or the stack's Redis (as deployed). */
export type RevisionsIn = "database" | "redis";

/** Another connection to the same database, as another api process has (its own Redis client too). */
export const connectAgain = (db: Database, revisionsIn: RevisionsIn = "database") =>
  connectDatabase(`${stack.mongodbUrl()}/${db.connection.name}`, revisionsIn === "redis" ? { revisionsRedisUrl: stack.redisUrl() } : {});

/** A database of its own for one test file, dropped by `drop()`. */
export async function freshDatabase(
  label: string,
  options: { monitorCommands?: boolean; revisionsIn?: RevisionsIn } = {},
): Promise<Database & { drop(): Promise<void> }> {
  const name = `t_${label}_${randomBytes(4).toString("hex")}`;
  const { revisionsIn, ...rest } = options;
  const db = await connectDatabase(`${stack.mongodbUrl()}/${name}`, {
    ...rest,
    ...(revisionsIn === "redis" ? { revisionsRedisUrl: stack.redisUrl() } : {}),
  });
  return {
    ...db,
    async drop() {
      await db.connection.dropDatabase();
      await db.close();
    },
  };
}

export const silentLogger = () => pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
