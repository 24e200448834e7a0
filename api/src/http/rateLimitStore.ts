import { MemoryStore, type ClientRateLimitInfo, type IncrementResponse, type Options, type Store } from "express-rate-limit";
import { RedisStore } from "rate-limit-redis";
import type { RedisClient } from "../services/redis";

/** How long a counter command may take before this request is counted in memory instead. */
const REDIS_TIMEOUT_MS = 500;

/**
 * A rate-limit store whose counters live in Redis, so a limit holds across api processes (the
 * counter is one key per client, incremented atomically by a Lua script). While Redis is away (not
 * connected, or a command fails or takes over half a second) each process counts in its own memory
 * instead: the limit then holds per process, and no request waits on Redis.
 */
export class SharedRateLimitStore implements Store {
  /** Counts of different processes add up: express-rate-limit must not treat keys as this process's. */
  readonly localKeys = false;
  private readonly local = new MemoryStore();
  private options!: Options;
  /** The Redis store, its scripts loaded; made when first needed while Redis is up, again after a failure. */
  private shared: Promise<RedisStore> | undefined;

  constructor(
    private readonly redis: RedisClient,
    readonly prefix: string,
  ) {}

  init(options: Options) {
    this.options = options;
    this.local.init(options);
  }

  private async inRedis<T>(use: (store: RedisStore) => Promise<T>): Promise<T | undefined> {
    if (!this.redis.isReady) return undefined;
    try {
      this.shared ??= (async () => {
        const store = new RedisStore({
          prefix: this.prefix,
          sendCommand: (...args: string[]) => this.redis.sendCommand(args, { timeout: REDIS_TIMEOUT_MS }),
        });
        await store.init(this.options);
        return store;
      })();
      return await use(await this.shared);
    } catch {
      // Loaded again next time (a restarted Redis has forgotten the scripts; a failed load is not kept).
      this.shared = undefined;
      return undefined;
    }
  }

  async increment(key: string): Promise<IncrementResponse> {
    return (await this.inRedis((s) => s.increment(key))) ?? this.local.increment(key);
  }

  async decrement(key: string): Promise<void> {
    const decremented = await this.inRedis(async (s) => {
      await s.decrement(key);
      return true;
    });
    if (decremented === undefined) await this.local.decrement(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.inRedis((s) => s.resetKey(key));
    await this.local.resetKey(key);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return (await this.inRedis((s) => s.get(key))) ?? this.local.get(key);
  }
}
