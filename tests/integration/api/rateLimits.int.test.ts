import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import request from "supertest";
import { connectRedis, type RedisClient } from "../../../api/src/services/redis";
import { buildTestApp } from "../../support/app";
import { freshDatabase, silentLogger, stack } from "../../support/stack";
import { rateLimitOf } from "../../support/rateLimit";

/**
 * Limits per address and per account. The address is the one the gateway reports (it sets
 * X-Forwarded-For; nothing a client writes there counts), limits per address are far above a
 * venue's crowd, per account small, and with Redis they hold across api processes.
 */
describe("rate limits: by the gateway's address, per account, across api processes", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const clients: RedisClient[] = [];
  beforeAll(async () => {
    db = await freshDatabase("ratelimits");
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await db.drop();
  });
  const unknown = () => `nobody-${randomBytes(4).toString("hex")}@example.vn`;
  const login = (app: ReturnType<typeof buildTestApp>["app"], email: string, forwardedFor?: string) => {
    const call = request(app).post("/api/auth/login");
    return (forwardedFor ? call.set("X-Forwarded-For", forwardedFor) : call).send({ email, password: "not the password" });
  };
  const redisClient = async (url: string, ready = true) => {
    const client = await connectRedis(url, silentLogger());
    clients.push(client);
    if (ready) await new Promise<void>((resolve) => (client.isReady ? resolve() : client.once("ready", () => resolve())));
    return client;
  };

  test("two requests with different forged X-Forwarded-For values count against the same address", async () => {
    const { app } = buildTestApp(db);
    // What an appending proxy passes on for a client on this machine: the client's own entry first.
    const first = await login(app, unknown(), "198.51.100.7, 127.0.0.1").expect(401);
    const second = await login(app, unknown(), "203.0.113.9, 127.0.0.1").expect(401);
    const [a, b] = [rateLimitOf(first, "login-address"), rateLimitOf(second, "login-address")];
    expect(b.partition).toBe(a.partition);
    expect(b.remaining).toBe(a.remaining - 1);
    // And a request that came through the gateway with no forged entry is the same address again.
    expect(rateLimitOf(await login(app, unknown(), "127.0.0.1").expect(401), "login-address")).toMatchObject({
      partition: a.partition,
      remaining: a.remaining - 2,
    });
  });

  test("a venue's crowd behind one address is not refused; one account's failures are, at 20 in 15 minutes", async () => {
    const { app } = buildTestApp(db);
    // 40 firms' people mistyping once from the hall's one address (the old limit refused the 31st).
    for (let i = 0; i < 40; i++) await login(app, unknown()).expect(401);
    expect(rateLimitOf(await login(app, unknown()).expect(401), "login-address")).toMatchObject({ limit: 600, remaining: 600 - 41 });
    const email = unknown();
    for (let i = 0; i < 20; i++) await login(app, email).expect(401);
    const refused = await login(app, email).expect(429);
    expect(refused.body.error.code).toBe("rate_limited");
    // Keyed by the normalised address typed: the same account in other capitals is the same account.
    await login(app, ` ${email.toUpperCase()} `).expect(429);
    await login(app, unknown()).expect(401);
  });

  test("with Redis, a limit holds across two api processes", async () => {
    const prefix = `test:rl:${randomBytes(4).toString("hex")}:`;
    const [one, two] = [
      buildTestApp(db, { redis: await redisClient(stack.redisUrl()), rateLimitPrefix: prefix }).app,
      buildTestApp(db, { redis: await redisClient(stack.redisUrl()), rateLimitPrefix: prefix }).app,
    ];
    const email = unknown();
    for (let i = 0; i < 10; i++) {
      await login(one, email).expect(401);
      await login(two, email).expect(401);
    }
    await login(one, email).expect(429);
    await login(two, email).expect(429);
    // The address's count is one across both: the 20 failures that reached it (the two refused per
    // account did not), wherever they landed, and this one.
    expect(rateLimitOf(await login(two, unknown()).expect(401), "login-address")).toMatchObject({ limit: 600, remaining: 600 - 21 });
  });

  test("while Redis is unreachable each process counts in its own memory, and no request waits for Redis", async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const { app } = buildTestApp(db, { redis: await redisClient(`redis://127.0.0.1:${closed}`, false), rateLimitPrefix: "test:rl:down:" });
    const email = unknown();
    const started = Date.now();
    for (let i = 0; i < 20; i++) await login(app, email).expect(401);
    await login(app, email).expect(429);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
