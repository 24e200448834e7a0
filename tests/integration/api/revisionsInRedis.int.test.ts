import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandStartedEvent } from "mongodb";
import { createClient } from "redis";
import { connectDatabase, type Database } from "../../../api/src/db/connection";
import { createRepositories } from "../../../api/src/repositories";
import { REDIS_BIN, Service, waitFor } from "../../support/processes";
import { freshDatabase, stack } from "../../support/stack";

// A Redis of this file's own (port 6517), killed and started again empty.
const PORT = 6517;
const REDIS_URL = `redis://127.0.0.1:${PORT}`;
jest.setTimeout(60_000);

/**
 * Two api processes' connections with their revisions in Redis: a change bumped by one is read by
 * the other without a database command; while Redis is away both fall back to the database's
 * revisions, and when it returns (empty) every revision is set anew, so no cache built before the
 * outage is trusted after it.
 */
describe("revisions in Redis, and without it", () => {
  const dir = mkdtempSync(join(tmpdir(), "ketnoi-revisions-"));
  const redis = new Service(
    "redis",
    PORT,
    REDIS_BIN,
    ["--port", String(PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {},
    join(dir, "redis.log"),
  );
  let owner: Awaited<ReturnType<typeof freshDatabase>>;
  let a: Database;
  let b: Database;
  const sent: string[] = [];
  const revisionsOf = (db: Database) => createRepositories(db.models).revisions;
  /** One request's view on the other process: every revision read once. */
  const companiesSeenByB = () => revisionsOf(b).perRequest(() => revisionsOf(b).get("companies"));
  const inDatabase = async () => (await owner.models.Revision.findById("companies").lean())?.value;

  beforeAll(async () => {
    await redis.start();
    owner = await freshDatabase("revisions-redis");
    const uri = `${stack.mongodbUrl()}/${owner.connection.name}`;
    a = await connectDatabase(uri, { revisionsRedisUrl: REDIS_URL });
    b = await connectDatabase(uri, { revisionsRedisUrl: REDIS_URL, monitorCommands: true });
    b.connection.getClient().on("commandStarted", (e: CommandStartedEvent) => sent.push(`${String(e.command[e.commandName])}.${e.commandName}`));
  });
  afterAll(async () => {
    await Promise.allSettled([a?.close(), b?.close()]);
    await owner?.drop();
    await redis.stop(3000);
    rmSync(dir, { recursive: true, force: true });
  });

  test("a bump on one process is read on the other from Redis, with no database command", async () => {
    const before = await companiesSeenByB();
    sent.length = 0;
    await revisionsOf(a).bump("companies");
    const after = await companiesSeenByB();
    expect(after).not.toBe(before);
    await revisionsOf(a).bumpAgendas(["firm-1"]);
    const agenda = await revisionsOf(b).agenda("firm-1");
    await revisionsOf(a).bumpAgendas(["firm-1"]);
    expect(await revisionsOf(b).agenda("firm-1")).not.toBe(agenda);
    expect(sent).toEqual([]);
    expect(await inDatabase()).toBeUndefined(); // nothing written to the database's revisions
  });

  test("Redis away: the database's revisions serve both; back empty: every revision is new", async () => {
    const beforeOutage = await companiesSeenByB();
    await redis.kill();
    await revisionsOf(a).bump("companies"); // answered: the bump went to the database
    const stored = await inDatabase();
    expect(stored).toEqual(expect.any(Number));
    expect(await companiesSeenByB()).toBe(stored);
    expect(sent).toContain("revisions.find");

    await redis.start();
    const probe = createClient({ url: REDIS_URL });
    await probe.connect();
    try {
      // Each process sets every revision anew as it reconnects, and then reads Redis again.
      await waitFor("both processes back on Redis", async () => {
        sent.length = 0;
        const seen = await companiesSeenByB();
        return sent.length === 0 && seen === Number(await probe.get(`ketnoi:${owner.connection.name}:revision:companies`));
      });
      const afterOutage = await companiesSeenByB();
      expect([beforeOutage, stored]).not.toContain(afterOutage);
    } finally {
      await probe.close();
    }
  });
});
