// bench:queue: the virtual hall's booth queues and chat under load, on two api processes and two
// realtime nodes sharing one Redis. 500 visitors (real users, each with a session and a socket, half on
// each node) ask at once to talk to 50 booths' staff, then post one chat message each in their booth,
// then the staff admit everyone waiting. One JSON line: latencies of asking, admitting and chat delivery,
// and the checks that must all be 0: visitors whose last live view of their place differs from what the
// api answers, booths whose places are not 1..n, visitors admitted out of turn or twice or not told,
// chat messages lost or delivered twice. Knobs: QUEUE_BENCH_VISITORS, QUEUE_BENCH_BOOTHS.
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { SOCKET_PATH, newerQueueView, rooms, type BoothQueueView } from "@ketnoi/contracts";
import { connectDatabase } from "../db/connection";
import { createRepositories } from "../repositories";
import { seedDemoFair } from "../seed/seedDemoFair";
import { randomToken } from "../services/secrets";
import { benchFirmOwner, benchSession, ORIGIN, startApi } from "./apiStack";
import { procStats, startRealtimeNode, startRedis } from "./realtimeStack";
import { pool } from "./realtimeClients";
import { maximum, percentile } from "./stats";

const VISITORS = Number(process.env.QUEUE_BENCH_VISITORS ?? 500);
const BOOTHS = Number(process.env.QUEUE_BENCH_BOOTHS ?? 50);
const CONCURRENCY = 100;
const REDIS_PORT = 6690;
const NODE_PORTS = [3192, 3193];
const rootDir = path.resolve(path.dirname(process.argv[1]!), "../../..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 10) / 10;
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const loadBefore = load();

type Session = { cookie: string; csrf: string };
interface Person {
  userId: string;
  booth: string;
  session: Session;
  socket: Socket;
  /** The last booth:queue view this person's socket heard. */
  lastView?: BoothQueueView;
}

// The database: the demo fair; 50 vendors' booths, one staff member each; 500 visitors from the firms.
const uri = process.env.MONGODB_URI!;
const db = await connectDatabase(uri);
await db.connection.dropDatabase();
await Promise.all(Object.values(db.models).map((m) => m.createIndexes()));
const repos = createRepositories(db.models);
await seedDemoFair(repos, new Date());
await db.models.Company.updateMany({}, { $set: { listed: true, status: "approved" } });
const companies = await repos.companies.listAll();
const booths = companies.filter((c) => c.kind === "foreign").slice(0, BOOTHS);
const firms = companies.filter((c) => c.kind === "domestic");
if (booths.length < BOOTHS) throw new Error(`the demo has ${booths.length} vendors, ${BOOTHS} booths asked for`);
const newUser = (i: number, role: "domestic" | "vendor", companyId: string) =>
  benchFirmOwner(repos, `queue${role}${i}@bench.vn`, `Queue ${role} ${i}`, role, companyId);

// Redis, two realtime nodes and two api processes, all sharing the secret the api signs socket tokens with.
const secret = randomToken();
const redis = await startRedis(REDIS_PORT);
const nodes = await Promise.all(NODE_PORTS.map((port) => startRealtimeNode(path.join(rootDir, "realtime/dist/main.js"), port, redis.url, secret)));
const apis = await Promise.all([0, 1].map(() => startApi(uri, { REDIS_URL: redis.url, REALTIME_SECRET: secret })));

const call = async (i: number, who: Session, method: string, p: string, body?: object) => {
  const res = await fetch(`${apis[i % 2]!.base}${p}`, {
    method,
    headers: { cookie: who.cookie, "x-csrf-token": who.csrf, origin: ORIGIN, "content-type": "application/json", "accept-language": "vi" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
};

/** A person's socket on node i % 2, in their user room (queue views) and their booth's room (chat): token and ticket from the api. */
async function connectPerson(i: number, userId: string, booth: string, session: Session): Promise<Person> {
  const { token } = (await call(i, session, "POST", "/api/realtime/token", {})) as { token: string };
  const { ticket } = (await call(i, session, "POST", "/api/realtime/tickets", { room: rooms.booth(booth) })) as { ticket: string };
  const socket = io(nodes[i % 2]!.url, { path: SOCKET_PATH, transports: ["websocket"], forceNew: true, reconnection: false, auth: { token } });
  const person: Person = { userId, booth, session, socket };
  socket.on("booth:queue", (view: BoothQueueView) => {
    if (view.companyId === booth) person.lastView = newerQueueView(person.lastView, view); // as the client app keeps them
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const ack = await socket.timeout(30_000).emitWithAck("room:join", { ticket });
  if (!ack.ok) throw new Error(`room join refused: ${JSON.stringify(ack)}`);
  return person;
}

const staff: Person[] = [];
for (const [b, booth] of booths.entries()) {
  const user = await newUser(b, "vendor", booth.id);
  staff.push(await connectPerson(b, user.id, booth.id, await benchSession(repos, user.id)));
}
const visitors: Person[] = [];
for (let v = 0; v < VISITORS; v++) {
  const user = await newUser(v, "domestic", firms[v % firms.length]!.id);
  visitors.push(await connectPerson(v, user.id, booths[v % BOOTHS]!.id, await benchSession(repos, user.id)));
}
console.error(`set up: ${booths.length} booths, ${visitors.length} visitors, 2 api processes, 2 realtime nodes`);

/** Waits until no queue view or chat message has arrived for `quietMs`. */
let lastHeard = performance.now();
for (const p of [...staff, ...visitors]) p.socket.onAny(() => (lastHeard = performance.now()));
const quiet = async (quietMs = 2000) => {
  while (performance.now() - lastHeard < quietMs) await sleep(100);
};
const timed = async (n: number, task: (i: number) => Promise<unknown>) => {
  const latencies: number[] = [];
  let failed = 0;
  await pool(n, CONCURRENCY, Number.POSITIVE_INFINITY, async (i) => {
    const started = performance.now();
    try {
      await task(i);
      latencies.push(performance.now() - started);
    } catch (err) {
      failed++;
      if (failed <= 3) console.error((err as Error).message);
    }
  });
  return { latencies, failed };
};

// 1. Everyone asks at once (through both api processes); then each one's live place against the api's answer.
const asking = await timed(VISITORS, (v) => call(v, visitors[v]!.session, "POST", `/api/booths/${visitors[v]!.booth}/queue`));
await quiet();
let placeMismatches = 0;
const placesByBooth = new Map<string, number[]>();
const queueOrder = new Map<string, string[]>();
for (const [v, person] of visitors.entries()) {
  const answer = (await call(v + 1, person.session, "GET", `/api/booths/${person.booth}/queue`)) as BoothQueueView;
  if (person.lastView?.position !== answer.position) placeMismatches++;
  placesByBooth.set(person.booth, [...(placesByBooth.get(person.booth) ?? []), answer.position ?? 0]);
}
const badBooths = [...placesByBooth.values()].filter((places) => places.sort((a, b) => a - b).some((p, i) => p !== i + 1)).length;
for (const [b, booth] of booths.entries()) {
  const view = (await call(b, staff[b]!.session, "GET", `/api/booths/${booth.id}/queue`)) as BoothQueueView;
  queueOrder.set(
    booth.id,
    (view.waiting ?? []).map((w) => w.userId),
  );
}

// 2. Everyone posts one chat message in their booth; every socket in the booth's room should hear each once.
const chatSentAt = new Map<string, number>();
const chatLatencies: number[] = [];
let chatDuplicates = 0;
const heard = new Map<Person, Set<string>>();
for (const p of [...staff, ...visitors]) {
  heard.set(p, new Set());
  p.socket.on("booth:chat", (m: { text: string }) => {
    const sent = chatSentAt.get(m.text);
    if (sent === undefined) return;
    const seen = heard.get(p)!;
    if (seen.has(m.text)) chatDuplicates++;
    seen.add(m.text);
    chatLatencies.push(performance.now() - sent);
  });
}
const chatting = await timed(VISITORS, (v) => {
  const text = `bench-${v}`;
  chatSentAt.set(text, performance.now());
  return call(v, visitors[v]!.session, "POST", `/api/booths/${visitors[v]!.booth}/chat`, { text });
});
await quiet();
const members = (booth: string) => [...staff, ...visitors].filter((p) => p.booth === booth).length;
const chatExpected = visitors.reduce((n, v) => n + members(v.booth), 0) - chatting.failed * (VISITORS / BOOTHS + 1);
const chatDelivered = [...heard.values()].reduce((n, s) => n + s.size, 0);

// 3. Each booth's staff admit everyone waiting, the booths all at once (each admission through either api).
const admittedOrder = new Map<string, string[]>();
const admitting = await timed(BOOTHS, async (b) => {
  const booth = booths[b]!.id;
  const order: string[] = [];
  for (let k = 0; k < (queueOrder.get(booth)?.length ?? 0); k++)
    order.push(((await call(b + k, staff[b]!.session, "POST", `/api/booths/${booth}/queue/admit`)) as { userId: string }).userId);
  admittedOrder.set(booth, order);
});
await quiet();
let outOfTurn = 0;
for (const [booth, order] of admittedOrder) if (order.join() !== queueOrder.get(booth)?.join()) outOfTurn++;
const admittedAll = [...admittedOrder.values()].flat();
const admittedTwice = admittedAll.length - new Set(admittedAll).size;
const notToldAdmitted = visitors.filter((v) => !v.lastView?.admitted).length;
const staffStale = staff.filter((s) => (s.lastView?.waiting?.length ?? -1) !== 0).length;

const stats = (xs: number[]) => ({ p50: round(percentile(xs, 50)), p99: round(percentile(xs, 99)), max: round(maximum(xs)) });
const line = {
  bench: "queue",
  booths: BOOTHS,
  visitors: VISITORS,
  api_processes: apis.length,
  realtime_nodes: nodes.length,
  ask: { ...stats(asking.latencies), failed: asking.failed },
  admit_booth_s: { ...stats(admitting.latencies.map((ms) => ms / 1000)), failed: admitting.failed },
  chat: {
    ...stats(chatLatencies),
    expected: chatExpected,
    delivered: chatDelivered,
    lost: chatExpected - chatDelivered,
    duplicates: chatDuplicates,
    failed: chatting.failed,
  },
  place_mismatches: placeMismatches,
  booths_with_bad_places: badBooths,
  booths_admitted_out_of_turn: outOfTurn,
  admitted_twice: admittedTwice,
  visitors_not_told_admitted: notToldAdmitted,
  staff_with_stale_list: staffStale,
  node_rss_mib: nodes.map((n) => procStats(n.pid).rssMiB),
  api_rss_mib: apis.map((a) => procStats(a.pid).rssMiB),
  node_warnings_logged: nodes.map((n) => n.warnings()),
  load_avg_1m: [loadBefore[0], load()[0]],
};
const ok =
  asking.failed + chatting.failed + admitting.failed === 0 &&
  [placeMismatches, badBooths, outOfTurn, admittedTwice, notToldAdmitted, staffStale, line.chat.lost, chatDuplicates].every((x) => x === 0);
console.log(JSON.stringify({ ...line, ok }));

for (const p of [...staff, ...visitors]) p.socket.close();
for (const a of apis) a.stop();
await Promise.all(nodes.map((n) => n.stop()));
await redis.stop();
await db.close();
process.exit(0);
