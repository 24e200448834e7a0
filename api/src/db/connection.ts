import mongoose, { type Connection } from "mongoose";
import { registerModels, type Models } from "./models";
import { redisRevisionStore } from "./redisRevisionStore";
import { databaseRevisionStore, useRevisionStore } from "./revisionStore";

export interface Database {
  connection: Connection;
  models: Models;
  /** Round-trips a ping to the server; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a connection for one process (or one test). Commands are not buffered while the server is
 * away: a request fails fast with 503 rather than hanging. The driver reconnects by itself.
 */
export async function connectDatabase(
  uri: string,
  options: {
    dbName?: string;
    autoIndex?: boolean;
    monitorCommands?: boolean;
    /** Keep the revisions every process's caches follow in this Redis (see redisRevisionStore). */
    revisionsRedisUrl?: string;
  } = {},
): Promise<Database> {
  const connection = mongoose.createConnection(uri, {
    dbName: options.dbName,
    // Tests count the commands an operation sends (commandStarted events on the client).
    monitorCommands: options.monitorCommands ?? false,
    bufferCommands: false,
    autoIndex: options.autoIndex ?? true,
    serverSelectionTimeoutMS: 3000,
    connectTimeoutMS: 3000,
    heartbeatFrequencyMS: 2000,
    maxPoolSize: 20,
  });
  await connection.asPromise();
  const models = registerModels(connection);
  await Promise.all(Object.values(models).map((model) => model.init()));
  const redis = options.revisionsRedisUrl
    ? redisRevisionStore(options.revisionsRedisUrl, connection.name, databaseRevisionStore(connection))
    : undefined;
  if (redis) {
    useRevisionStore(connection, redis.store);
    await redis.ready();
  }
  return {
    connection,
    models,
    async ping() {
      const db = connection.db;
      if (!db) throw new Error("database not connected");
      await db.admin().command({ ping: 1 });
    },
    async close() {
      await redis?.close();
      await connection.close();
    },
  };
}

const UNAVAILABLE_ERRORS = new Set([
  "MongoServerSelectionError",
  "MongooseServerSelectionError",
  "MongoNetworkError",
  "MongoNetworkTimeoutError",
  "MongoNotConnectedError",
  "MongoTopologyClosedError",
  "PoolClearedError",
  "MongoPoolClearedError",
]);

/**
 * Socket errors the driver sometimes lets through unwrapped: a write on a connection the server has
 * just closed (the database was killed) surfaces as a bare EPIPE, not a MongoNetworkError.
 */
const NETWORK_CODES = new Set(["EPIPE", "ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

/** True for errors that mean "the database is away right now", which the api answers with 503. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { name?: string; code?: unknown; cause?: unknown; writeErrors?: unknown[] };
    if (e.name && UNAVAILABLE_ERRORS.has(e.name)) return true;
    // A bulk write (insertMany) that lost its connection: the driver copies the network error's own
    // fields (beforeHandshake) onto a MongoBulkWriteError with no write error, and keeps no cause.
    if (e.name === "MongoBulkWriteError" && !e.writeErrors?.length && "beforeHandshake" in e) return true;
    if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return true;
    current = e.cause;
  }
  return false;
}
