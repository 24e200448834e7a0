// bench:api: the api under load, as a separate process on loopback against the real database, with
// autocannon. One JSON line per scenario: directory search, recommendations, agenda, and booking under
// contention (hundreds of firms booking the same vendors' slots at once), each with requests/s,
// p50/p99 latency, errors and the ratio to a bare Express endpoint measured in the same run (the
// ceiling on this machine). The booking run ends by checking the database for double bookings.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { connectDatabase } from "../db/connection";
import { createRepositories } from "../repositories";
import { seedDemoFair } from "../seed/seedDemoFair";
import { hashToken, randomToken } from "../services/secrets";
import { SESSION_COOKIE } from "../auth/context";

const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 32);
const uri = process.env.MONGODB_URI;
if (!uri) throw new Error("MONGODB_URI is required (infra/bench.sh sets it)");
const ORIGIN = "http://localhost:8080";
// This file runs as api/dist/bench/api.js; the api package is two folders up.
const apiDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.status < 500, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

function start(script: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, script, { cwd: apiDir, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  process.on("exit", () => child.kill("SIGKILL"));
  return child;
}

// The database: the demo fair, and a session for every firm's owner (made directly: no login limits).
const db = await connectDatabase(uri);
await db.connection.dropDatabase();
await Promise.all(Object.values(db.models).map((m) => m.createIndexes()));
const repos = createRepositories(db.models);
await seedDemoFair(repos);
const companies = (await repos.companies.listAll()).filter((c) => c.status !== "pending");
const firms = companies.filter((c) => c.kind === "domestic");
const vendors = companies.filter((c) => c.kind === "foreign").slice(0, 12);
await db.models.Company.updateMany({}, { $set: { listed: true, blockedSlots: [] } });
const sessions: { cookie: string; csrf: string }[] = [];
for (const [i, firm] of firms.entries()) {
  const user = await repos.users.create({ email: `load${i}@bench.vn`, name: `Load ${i}`, role: "domestic", companyId: firm.id, companyRole: "owner", locale: "vi", timeZone: "Asia/Ho_Chi_Minh", consents: [], passwordHash: "!" });
  const token = randomToken();
  const csrf = randomToken();
  await repos.sessions.create(hashToken(token), { userId: user.id, csrfToken: csrf, expiresAt: new Date(Date.now() + 86_400_000) });
  sessions.push({ cookie: `${SESSION_COOKIE}=${token}`, csrf });
}
console.error(`seeded: ${firms.length} firms with sessions, ${vendors.length} vendors to book`);

// The api as it runs in production (its own process), and a bare Express app beside it.
const apiPort = await freePort();
const barePort = await freePort();
const api = start(["dist/main.js"], {
  MONGODB_URI: uri,
  API_PORT: String(apiPort),
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  PUBLIC_ORIGIN: ORIGIN,
  LIVEKIT_URL: process.env.LIVEKIT_URL ?? "http://127.0.0.1:9",
  LIVEKIT_API_KEY: process.env.LIVEKIT_API_KEY ?? "bench",
  LIVEKIT_API_SECRET: process.env.LIVEKIT_API_SECRET ?? "bench-secret-bench-secret-bench-secret",
  REALTIME_SECRET: randomToken(),
});
const bare = start(["--input-type=module", "-e", `import express from "express"; const app = express(); app.get("/ping", (_q, r) => r.json({ ok: true })); app.listen(${barePort}, "127.0.0.1");`], {});
const base = `http://127.0.0.1:${apiPort}`;
await waitFor(`${base}/api/fairs/current`);
await waitFor(`http://127.0.0.1:${barePort}/ping`);

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
type Result = autocannon.Result;
const run = (opts: autocannon.Options) => new Promise<Result>((resolve, reject) => autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...opts }, (err, r) => (err ? reject(err) : resolve(r))));
const line = (scenario: string, r: Result, ceiling: number, extra: object = {}) =>
  console.log(
    JSON.stringify({
      bench: "api",
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
const asFirm = (method: "GET" | "POST", p: string, body?: () => object) => [
  {
    method,
    path: p,
    setupRequest: (req: Record<string, unknown>) => {
      const s = pick(sessions);
      return {
        ...req,
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf, origin: ORIGIN, "content-type": "application/json", "accept-language": "vi" },
        ...(body ? { body: JSON.stringify(body()) } : {}),
      };
    },
  },
];

const bareResult = await run({ url: `http://127.0.0.1:${barePort}/ping` });
const ceiling = bareResult.requests.average;
line("bare-express", bareResult, ceiling);
line("directory-search", await run({ url: `${base}/api/companies?q=co%20khi&pageSize=20` }), ceiling);
await fetch(`${base}/api/recommendations`, { headers: { cookie: sessions[0]!.cookie } }); // builds the matcher
line("recommendations", await run({ url: base, requests: asFirm("GET", "/api/recommendations?k=10") as never }), ceiling);
line("agenda", await run({ url: base, requests: asFirm("GET", "/api/meetings") as never }), ceiling);

// Booking under contention: every firm books one of a dozen vendors in one of four slots, at once.
const booking = await run({
  url: base,
  requests: asFirm("POST", "/api/meetings", () => ({ with: pick(vendors).id, slot: pick(["d1s02", "d1s03", "d1s04", "d1s05"]), mode: "either" })) as never,
});
const booked = await db.models.Meeting.find({ status: "booked" }).lean();
const held = new Map<string, number>();
const count = (key: string) => held.set(key, (held.get(key) ?? 0) + 1);
for (const m of booked) {
  const at = m.startsAt!.getTime();
  for (const p of m.parties) count(`party ${String(p)} ${at}`);
  if (m.table) count(`table ${m.table} ${at}`);
  if (m.interpreterId) count(`interpreter ${String(m.interpreterId)} ${at}`);
}
const doubles = [...held.values()].filter((n) => n > 1).length;
line("booking-contention", booking, ceiling, {
  sent: booking.requests.sent,
  answered: booking.requests.total,
  booked: booked.length,
  server_errors_5xx: booking["5xx"],
  refused_4xx: booking["4xx"],
  double_bookings: doubles,
});
api.kill("SIGTERM");
bare.kill("SIGTERM");
await db.close();
process.exit(doubles > 0 || booking["5xx"] > 0 ? 1 : 0);
