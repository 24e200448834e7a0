import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import request from "supertest";
import type { CommandStartedEvent } from "mongodb";
import { seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { createDirectorySnapshot } from "../../../api/src/services/directorySnapshot";
import { buildTestApp, FIXED_NOW } from "../../support/app";
import { freshDatabase } from "../../support/stack";

type Db = Awaited<ReturnType<typeof freshDatabase>>;

/**
 * A restarted api answers its first directory search from the copy it left on this host's disk, not
 * by reading every firm again (seconds at 5,000 firms on FerretDB: bench:search's first_query_ms);
 * a copy older than the database is never used.
 */
describe("the directory's snapshot across restarts", () => {
  let db: Db;
  let folder: string;
  const read: string[] = [];
  /** A fresh api process on the same database and the same host folder. */
  const start = () => buildTestApp(db, { now: () => FIXED_NOW, directorySnapshot: createDirectorySnapshot(folder, db.connection.name) });
  const search = async (app: ReturnType<typeof start>["app"], q: string) => {
    read.length = 0;
    const body = (
      await request(app)
        .get(`/api/companies?q=${encodeURIComponent(q)}&pageSize=50`)
        .expect(200)
    ).body;
    return { names: (body.data as { legalName: string }[]).map((c) => c.legalName).sort(), total: body.total as number, read: [...read] };
  };
  /** Waits for the snapshot a load writes behind its answer. */
  const written = async () => {
    for (let i = 0; i < 100 && !(await readdir(folder)).some((f) => f.endsWith(".bin")); i++) await new Promise((r) => setTimeout(r, 50));
  };

  beforeAll(async () => {
    db = await freshDatabase("dirsnapshot", { monitorCommands: true });
    folder = await mkdtemp(path.join(tmpdir(), "ketnoi-snapshot-"));
    await seedDemoFair(buildTestApp(db, { now: () => FIXED_NOW }).repos, FIXED_NOW);
    db.connection.getClient().on("commandStarted", (e: CommandStartedEvent) => read.push(`${String(e.command[e.commandName])}.${e.commandName}`));
  });
  afterAll(async () => {
    await db.drop();
    await rm(folder, { recursive: true, force: true });
  });

  test("the first search after a restart reads no firm, and answers as the database would", async () => {
    const first = await search(start().app, "co khi");
    expect(first.read).toContain("companies.find");
    expect(first.total).toBeGreaterThan(5);
    await written();
    const restarted = await search(start().app, "co khi");
    expect(restarted.read).not.toContain("companies.find");
    expect(restarted.read).not.toContain("participations.find");
    expect(restarted).toMatchObject({ names: first.names, total: first.total });
  });

  test("a firm changed since the snapshot was written: the restarted api reads the database, and finds the change", async () => {
    const firm = (await db.models.Company.findOne({ kind: "domestic", listed: true, status: { $ne: "pending" } }).lean())!;
    const repos = buildTestApp(db, { now: () => FIXED_NOW }).repos;
    await repos.companies.update(firm._id.toHexString(), { legalName: "Công ty Khuôn mẫu Snapshot" });
    const restarted = await search(start().app, "snapshot");
    expect(restarted.read).toContain("companies.find");
    expect(restarted.names).toEqual(["Công ty Khuôn mẫu Snapshot"]);
  });
});
