// The bench stack: the demo fair in the real database with a session for every firm's owner, the api
// as its own process (as in production) and a bare Express app beside it: shared by bench:api and
// bench:soak.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { connectDatabase } from "../db/connection";
import { createRepositories, type Repositories } from "../repositories";
import { seedDemoFair } from "../seed/seedDemoFair";
import { hashToken, randomToken } from "../services/secrets";
import { SESSION_COOKIE } from "../auth/context";
import { fairSlots } from "../domain/fairSlots";

export const ORIGIN = "http://localhost:8080";

/** Prints one autocannon result as the bench's JSON line, with its ratio to bare Express measured in the same run. */
export const resultLine =
  (bench: string) =>
  (scenario: string, r: autocannon.Result, ceiling: number, extra: object = {}): void =>
    console.log(
      JSON.stringify({
        bench,
        scenario,
        requests_per_s: Math.round(r.requests.average),
        p50_ms: r.latency.p50,
        p99_ms: r.latency.p99,
        errors: r.errors + r.timeouts,
        non_2xx: r.non2xx,
        ratio_to_bare_express: Math.round((r.requests.average / ceiling) * 1000) / 1000,
        ...extra,
      }),
    );
// The bench runs as api/dist/bench/<name>.js: the api package is two folders up from the entry script.
const apiDir = path.resolve(path.dirname(process.argv[1]!), "../..");

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Waits until the url answers (up to two minutes: a large database's first answer is what it is, measured elsewhere). */
async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

function start(script: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, script, { cwd: apiDir, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  process.on("exit", () => child.kill("SIGKILL"));
  return child;
}

/** A firm's owner (or a vendor's staff member) made for a bench: no password, Hanoi's zone, Vietnamese. */
export function benchFirmOwner(repos: Repositories, email: string, name: string, role: "domestic" | "vendor", companyId: string) {
  return repos.users.create({
    email,
    name,
    role,
    companyId,
    companyRole: "owner",
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    consents: [],
    passwordHash: "!",
  });
}

/** A signed-in session for this user, made directly in the database (no login, so no login limits). */
export async function benchSession(repos: Repositories, userId: string) {
  const token = randomToken();
  const csrf = randomToken();
  await repos.sessions.create(hashToken(token), { userId, csrfToken: csrf, expiresAt: new Date(Date.now() + 86_400_000) });
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
}

/** One api process from the build, as in production, on a free port of its own; resolves once it answers. */
export async function startApi(uri: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = start(["dist/main.js"], {
    MONGODB_URI: uri,
    API_PORT: String(port),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    PUBLIC_ORIGIN: ORIGIN,
    LIVEKIT_URL: process.env.LIVEKIT_URL ?? "http://127.0.0.1:9",
    LIVEKIT_API_KEY: process.env.LIVEKIT_API_KEY ?? "bench",
    LIVEKIT_API_SECRET: process.env.LIVEKIT_API_SECRET ?? "bench-secret-bench-secret-bench-secret",
    REALTIME_SECRET: randomToken(),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/fairs/current`);
  return { base, pid: child.pid!, stop: () => void child.kill("SIGTERM") };
}

/** Seeds the database, starts the api and the bare app; `run` drives autocannon as firms or anonymously. */
export async function startBenchStack(uri: string, connections: number) {
  // The database: the demo fair, and a session for every firm's owner (made directly: no login limits).
  // The api keeps its revisions in Redis when the bench has one (infra/bench.sh starts it), as deployed.
  const redisUrl = process.env.REDIS_URL;
  const db = await connectDatabase(uri, redisUrl ? { revisionsRedisUrl: redisUrl } : {});
  await db.connection.dropDatabase();
  await Promise.all(Object.values(db.models).map((m) => m.createIndexes()));
  const repos = createRepositories(db.models);
  await seedDemoFair(repos, new Date());
  const companies = (await repos.companies.listAll()).filter((c) => c.status !== "pending");
  const firms = companies.filter((c) => c.kind === "domestic");
  const vendors = companies.filter((c) => c.kind === "foreign").slice(0, 12);
  await db.models.Company.updateMany({}, { $set: { listed: true, blockedSlots: [] } });
  const sessionOf = (userId: string) => benchSession(repos, userId);
  const sessions: { cookie: string; csrf: string }[] = [];
  for (const [i, firm] of firms.entries()) {
    const user = await benchFirmOwner(repos, `load${i}@bench.vn`, `Load ${i}`, "domestic", firm.id);
    sessions.push(await sessionOf(user.id));
  }
  const organiser = await sessionOf((await repos.users.findByEmail("organiser@ketnoi.demo"))!.id);
  console.error(`seeded: ${firms.length} firms with sessions, ${vendors.length} vendors to book`);
  const { base, bareUrl, apiPid, run, stop } = await startApiProcesses(uri, connections);

  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  let turn = 0;
  /**
   * Requests as a random firm (its cookie, CSRF token and origin), or as each firm in turn, with an
   * optional fresh body each time.
   */
  const asFirm = (method: "GET" | "POST", p: string, body?: () => object, inTurn = false) => ({
    method,
    path: p,
    setupRequest: (req: Record<string, unknown>) => {
      const s = inTurn ? sessions[turn++ % sessions.length]! : pick(sessions);
      return {
        ...req,
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf, origin: ORIGIN, "content-type": "application/json", "accept-language": "vi" },
        ...(body ? { body: JSON.stringify(body()) } : {}),
      };
    },
  });
  /**
   * A booking of one of a dozen vendors in one of four slots: heavy contention by design. The firms
   * ask in turn, so a run of N requests asks N / firms of each (a user's meeting requests are limited).
   */
  const booking = () =>
    asFirm("POST", "/api/meetings", () => ({ with: pick(vendors).id, slot: pick(["d1s02", "d1s03", "d1s04", "d1s05"]), mode: "either" }), true);
  /**
   * `count` bookings that contend for nothing: distinct pairs, each firm and vendor once per slot,
   * away from the contention scenario's vendors and slots. Every firm meets onsite and shares English
   * with every vendor, and no one is at a session, so each booking should succeed: what one booking
   * costs when many arrive at once. Returns the requests, in order, and the pairs' firms.
   */
  async function uncontendedBookings(count: number) {
    await db.models.Company.updateMany({}, { $set: { participation: "onsite", languages: ["vi", "en"] } });
    await db.models.SessionRegistration.deleteMany({});
    const fair = (await repos.fairs.findCurrent(new Date()))!;
    const contended = new Set(["d1s02", "d1s03", "d1s04", "d1s05"]);
    const slots = fairSlots(fair).filter((s) => !contended.has(s.label));
    const others = companies.filter((c) => c.kind === "foreign").slice(12);
    const pairs = new Set<string>();
    const planned: { firm: number; vendor: string; slot: string }[] = [];
    // Slot by slot, as many meetings as the fair's tables allow, each firm and vendor once.
    for (let s = 0; planned.length < count && s < slots.length; s++) {
      const perSlot = Math.min(fair.onsiteTables, others.length, Math.ceil(count / slots.length) + 1);
      for (let k = 0, used = 0; used < perSlot && k < firms.length && planned.length < count; k++) {
        const firm = (s * perSlot + k) % firms.length;
        const vendor = others[(s + used) % others.length]!;
        if (pairs.has(`${firm}:${vendor.id}`)) continue;
        pairs.add(`${firm}:${vendor.id}`);
        planned.push({ firm, vendor: vendor.id, slot: slots[s]!.label });
        used++;
      }
    }
    if (planned.length < count) throw new Error(`only ${planned.length} uncontended bookings fit the fair`);
    let next = 0;
    return {
      count,
      request: {
        method: "POST",
        path: "/api/meetings",
        setupRequest: (req: Record<string, unknown>) => {
          const p = planned[next++ % planned.length]!;
          const s = sessions[p.firm]!;
          return {
            ...req,
            headers: { cookie: s.cookie, "x-csrf-token": s.csrf, origin: ORIGIN, "content-type": "application/json", "accept-language": "vi" },
            body: JSON.stringify({ with: p.vendor, slot: p.slot, mode: "onsite" }),
          };
        },
      },
    };
  }
  /** Runs the auto-scheduler as the organiser (its solver threads busy for the whole time limit). */
  const runScheduler = (timeLimitSeconds: number) =>
    fetch(`${base}/api/scheduler/plans`, {
      method: "POST",
      headers: { cookie: organiser.cookie, "x-csrf-token": organiser.csrf, origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ timeLimitSeconds, proposalsPerCompany: 3 }),
    }).then((r) => {
      if (r.status !== 201) throw new Error(`scheduler run answered ${r.status}`);
    });
  /** Booked meetings holding the same party, table or interpreter at the same time (must be none). */
  async function doubleBookings() {
    const held = new Map<string, number>();
    const count = (key: string) => held.set(key, (held.get(key) ?? 0) + 1);
    const booked = await db.models.Meeting.find({ status: "booked" }).lean();
    for (const m of booked) {
      const at = m.startsAt!.getTime();
      for (const p of m.parties) count(`party ${String(p)} ${at}`);
      if (m.table) count(`table ${m.table} ${at}`);
      if (m.interpreterId) count(`interpreter ${String(m.interpreterId)} ${at}`);
    }
    return { booked: booked.length, doubles: [...held.values()].filter((n) => n > 1).length };
  }
  return {
    base,
    bareUrl,
    apiPid,
    sessions,
    run,
    asFirm,
    booking,
    uncontendedBookings,
    runScheduler,
    doubleBookings,
    async stop() {
      stop();
      await db.close();
    },
  };
}

/**
 * The api as it runs in production (its own process, on the database already seeded) and a bare
 * Express app beside it (the ceiling on this machine); `run` drives autocannon.
 */
export async function startApiProcesses(uri: string, connections: number) {
  const barePort = await freePort();
  const api = await startApi(uri);
  const bare = start(
    [
      "--input-type=module",
      "-e",
      `import express from "express"; const app = express(); app.get("/ping", (_q, r) => r.json({ ok: true })); app.listen(${barePort}, "127.0.0.1");`,
    ],
    {},
  );
  await waitFor(`http://127.0.0.1:${barePort}/ping`);
  const run = (opts: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) => autocannon({ connections, ...opts }, (err, r) => (err ? reject(err) : resolve(r))));
  return {
    base: api.base,
    bareUrl: `http://127.0.0.1:${barePort}/ping`,
    apiPid: api.pid,
    run,
    stop() {
      api.stop();
      bare.kill("SIGTERM");
    },
  };
}

/** A process's resident memory in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number(line?.replace(/\D+/g, "") ?? 0) / 1024);
}
