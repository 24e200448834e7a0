// bench:realtime: N Socket.IO clients (5,000 and 10,000; REALTIME_BENCH_SIZES) with real handshake
// tokens on one realtime node, then split over two nodes behind the Redis adapter. Each client is in the
// hall and in one of 100 booth rooms; the api's own publisher (services/events.ts, the Socket.IO emitter
// over Redis) then sends, every round, a notification to the whole hall and a chat message to every
// booth. One JSON line per scenario: connect time, delivery p50/p99/max (and per kind and round), messages
// lost and duplicated (both must be 0), the node's resident memory and CPU, the bench's own CPU; the
// two-node lines carry ratios to the one-node line of the same size measured in the same run.
// The clients live in worker threads (realtimeWorkers.ts), away from the thread that publishes, and speak
// the protocols themselves (realtimeWire.ts: socket.io-client in Node cost more per frame than the node
// spent sending it); a latency runs from the publisher's stamp to the client's receipt, on the clock all
// threads share. Knobs: REALTIME_BENCH_SIZES, REALTIME_BENCH_NODES ("1,2"), REALTIME_BENCH_ROUNDS,
// REALTIME_BENCH_INTERVAL_MS, REALTIME_BENCH_CLIENT_THREADS (default: the cores the nodes leave, 1 to 4), REALTIME_BENCH_CLIENT_POLL
// ("0": the client threads sleep between reads while the broadcasts are measured),
// REALTIME_BENCH_CLIENT ("wire", or "socket.io-client" to measure with the library), REALTIME_BENCH_CONNECT_LIMIT_S
// (a crowd not connected by then is reported as such), REALTIME_MAIN (another build of the realtime service).
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { rooms } from "@ketnoi/contracts";
import { connectRedis } from "../services/redis";
import { redisEventPublisher, type EventPublisher } from "../services/events";
import { maximum, percentile } from "./stats";
import { CLIENT_KINDS, clock, objectIdHex, type ClientKind } from "./realtimeClients";
import { procStats, startRealtimeNode, startRedis, type RealtimeNode } from "./realtimeStack";
import { ClientFleet, isClientThread, serveClientThread } from "./realtimeWorkers";

const env = process.env;
const SIZES = (env.REALTIME_BENCH_SIZES ?? "5000,10000").split(",").map(Number);
const NODE_COUNTS = (env.REALTIME_BENCH_NODES ?? "1,2").split(",").map(Number);
const ROUNDS = Number(env.REALTIME_BENCH_ROUNDS ?? 10);
const ROUND_INTERVAL_MS = Number(env.REALTIME_BENCH_INTERVAL_MS ?? 1000);
/**
 * Threads holding the clients (the main thread publishes and watches): by default one per core the nodes
 * leave, at least one and at most four. A node sends on one core; on two cores a second client thread only
 * took turns with the nodes (p99 no better with one node or two).
 */
const clientThreads = (nodes: number) => Number(env.REALTIME_BENCH_CLIENT_THREADS) || Math.max(1, Math.min(4, availableParallelism() - nodes));
/** How the clients speak Socket.IO (realtimeClients.ts): the protocols directly, or socket.io-client. */
const CLIENT = (env.REALTIME_BENCH_CLIENT ?? "wire") as ClientKind;
if (!CLIENT_KINDS.includes(CLIENT)) throw new Error(`REALTIME_BENCH_CLIENT must be one of ${CLIENT_KINDS.join(", ")}`);
/** Whether the client threads poll without sleeping while the broadcasts are measured (realtimeWorkers.ts, pollWithoutSleeping). */
const CLIENTS_POLL = env.REALTIME_BENCH_CLIENT_POLL !== "0";
const BOOTHS = 100;
/** Handshakes in flight at once: a crowd arriving, within what the node's listen backlog takes. */
const CONNECT_CONCURRENCY = 100;
/** After the last message, how long without a new delivery before the rest counts as lost. */
const DRAIN_QUIET_MS = 10_000;
/** How long a crowd may take to connect: clients not started by then are counted as not connected. */
const CONNECT_LIMIT_MS = Number(env.REALTIME_BENCH_CONNECT_LIMIT_S ?? 900) * 1000;
/** The connect phase is over when the node has told no one anything for this long. */
const SETTLE_QUIET_MS = 5000;
/** ...or after this long at most (settle_s shows it): the broadcasts are then measured amid the rest. */
const SETTLE_MAX_MS = 120_000;
/** The bench's own ports (Redis, realtime nodes) and loopback source addresses for the clients. */
const REDIS_PORT = 6689;
const NODE_PORTS = [3190, 3191];
const SOURCE_ADDRESSES = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
const P99_TARGET_MS = 200;

// The bench runs as api/dist/bench/realtime.js; the realtime service is built beside it in realtime/dist.
const realtimeScript = () => env.REALTIME_MAIN ?? path.join(path.resolve(path.dirname(process.argv[1]!), "../../.."), "realtime/dist/main.js");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Waits until `count` stops changing for `quietMs` (or `until` holds); the seconds it took. */
async function settle(count: () => number, quietMs: number, until: () => boolean = () => false, maxMs = 600_000) {
  const started = performance.now();
  let last = count();
  let lastChange = performance.now();
  while (!until() && performance.now() - lastChange < quietMs && performance.now() - started < maxMs) {
    await sleep(100);
    if (count() !== last) {
      last = count();
      lastChange = performance.now();
    }
  }
  return { seconds: (performance.now() - started) / 1000, endedAt: until() ? performance.now() : lastChange };
}

/** One round: a notification to the whole hall and a chat message in every booth, each stamped with its send time (clock()). */
function publishRound(events: EventPublisher, round: number, booths: string[]) {
  const createdAt = new Date().toISOString();
  const hallId = `hall-${round}`;
  events.publish("hall", "notification", { id: hallId, kind: "bench", data: { id: hallId, sentAt: clock() }, createdAt });
  for (const booth of booths) {
    const id = `chat-${round}-${booth}`;
    events.publish(rooms.booth(booth), "booth:chat", {
      id,
      companyId: booth,
      userId: booth,
      name: "Bench",
      text: "bench",
      createdAt,
      sentAt: clock(),
    });
  }
  return 1 + booths.length;
}

interface Scenario {
  nodes: number;
  sockets: number;
  line: Record<string, unknown>;
}

type BenchRedis = Awaited<ReturnType<typeof startRedis>>;

async function runScenario(nodeCount: number, size: number, redis: BenchRedis, events: EventPublisher, secret: string): Promise<Scenario> {
  const loadAtStart = loadavg()[0]!;
  const redisUrl = redis.url;
  const droppedBefore = redis.slowClientsDropped();
  const nodes: RealtimeNode[] = [];
  for (const port of NODE_PORTS.slice(0, nodeCount)) nodes.push(await startRealtimeNode(realtimeScript(), port, redisUrl, secret));
  const cpu = () => nodes.map((n) => procStats(n.pid).cpuSeconds);
  const booths = Array.from({ length: BOOTHS }, objectIdHex);
  const fleet = ClientFleet.start(clientThreads(nodeCount), new URL(import.meta.url));
  await fleet.ready();

  // Connect: clients split evenly over the nodes and the booths, source addresses spread over 127.0.0.x.
  const cpuBefore = cpu();
  const connectStart = performance.now();
  const crowd = await fleet.connect(
    size,
    { client: CLIENT, nodeUrls: nodes.map((n) => n.url), booths, sourceAddresses: SOURCE_ADDRESSES, secret, deadline: clock() + CONNECT_LIMIT_MS },
    CONNECT_CONCURRENCY,
  );
  const connectSeconds = (performance.now() - connectStart) / 1000;
  if (crowd.failed) console.error(`${crowd.failed} clients failed to connect or join, e.g. ${crowd.failures[0]}`);
  // The node tells the hall about every arrival (visitor counts, booth counts, presence): wait until that is over.
  const settled = await settle(
    () => fleet.otherEvents(),
    SETTLE_QUIET_MS,
    () => false,
    SETTLE_MAX_MS,
  );
  const cpuConnect = cpu().map((c, i) => c - cpuBefore[i]!);
  const presenceEvents = fleet.otherEvents();

  // Broadcast through the api's publisher and Redis.
  await fleet.mark(CLIENTS_POLL);
  const cpuBroadcastStart = cpu();
  const benchCpuStart = process.cpuUsage();
  const broadcastStart = performance.now();
  let published = 0;
  for (let round = 0; round < ROUNDS; round++) {
    published += publishRound(events, round, booths);
    if (round < ROUNDS - 1) await sleep(ROUND_INTERVAL_MS);
  }
  const expected = crowd.connected * 2 * ROUNDS; // each client is in the hall and in one booth
  const drained = await settle(
    () => fleet.delivered(),
    DRAIN_QUIET_MS,
    () => fleet.delivered() >= expected,
  );
  const broadcastSeconds = (drained.endedAt - broadcastStart) / 1000;
  const cpuBroadcast = cpu().map((c, i) => (c - cpuBroadcastStart[i]!) / broadcastSeconds);
  const benchCpu = process.cpuUsage(benchCpuStart);
  const stats = nodes.map((n) => procStats(n.pid));

  const report = await fleet.report();
  const { delivered, duplicates, disconnected } = report;
  const latencies = [...report.latencies.hall, ...report.latencies.booth];
  const handshakes = crowd.handshakes;
  const joins = crowd.joins;
  const lost = expected - delivered;
  const redisDropped = redis.slowClientsDropped() - droppedBefore;
  const p99 = percentile(latencies, 99);
  const line = {
    bench: "realtime",
    scenario: nodeCount === 1 ? "one node" : `${nodeCount} nodes, Redis adapter`,
    nodes: nodeCount,
    sockets: size,
    client: CLIENT,
    client_threads: fleet.threads,
    client_threads_poll: CLIENTS_POLL,
    connected: crowd.connected,
    connect_failed: crowd.failed,
    not_started_in_time: size - crowd.started,
    booths: BOOTHS,
    connect_s: round2(connectSeconds),
    connects_per_s: Math.round(crowd.connected / connectSeconds),
    handshake_p50_ms: percentile(handshakes, 50),
    handshake_p99_ms: percentile(handshakes, 99),
    join_p99_ms: percentile(joins, 99),
    settle_s: round2(settled.seconds),
    presence_events_received: presenceEvents,
    rounds: ROUNDS,
    messages_published: published,
    deliveries_expected: expected,
    delivered,
    lost,
    duplicates,
    disconnected,
    p50_ms: percentile(latencies, 50),
    p99_ms: p99,
    max_ms: round2(maximum(latencies)),
    hall_p99_ms: percentile(report.latencies.hall, 99),
    booth_p99_ms: percentile(report.latencies.booth, 99),
    round_p99_ms: report.byRound.map((l) => Math.round(percentile(l, 99))),
    node_rss_mib: stats.map((s) => s.rssMiB),
    node_peak_rss_mib: stats.map((s) => s.peakRssMiB),
    node_cpu_s_connect: cpuConnect.map(round2),
    node_cpu_pct_broadcast: cpuBroadcast.map((c) => Math.round(c * 100)),
    // The bench's own: the whole process, and each client thread's share of it.
    bench_cpu_pct_broadcast: Math.round((benchCpu.user + benchCpu.system) / 10_000 / broadcastSeconds),
    client_thread_cpu_pct_broadcast: report.threadCpuMs.map((ms) => Math.round(ms / 10 / broadcastSeconds)),
    node_warnings_logged: nodes.map((n) => n.warnings()),
    redis_dropped_slow_subscribers: redisDropped,
    load_avg_1m: [round2(loadAtStart), round2(loadavg()[0]!)],
    p99_under_200ms: p99 < P99_TARGET_MS,
    ok: crowd.connected === size && lost === 0 && duplicates === 0 && redisDropped === 0,
  };

  await fleet.close();
  for (const node of nodes) await node.stop();
  return { nodes: nodeCount, sockets: size, line };
}

async function main() {
  const logger = pino({ name: "bench-realtime", level: "warn" }, pino.destination(2));
  const secret = randomBytes(32).toString("hex");
  const redis = await startRedis(REDIS_PORT);
  const publisherRedis = await connectRedis(redis.url, logger);
  while (!publisherRedis.isReady) await sleep(50);
  const events = redisEventPublisher(publisherRedis);

  const done: Scenario[] = [];
  let allOk = true;
  for (const nodeCount of NODE_COUNTS) {
    for (const size of SIZES) {
      const scenario = await runScenario(nodeCount, size, redis, events, secret);
      const baseline = done.find((s) => s.nodes === 1 && s.sockets === size);
      if (nodeCount > 1 && baseline) {
        const ratio = (key: string) => {
          const [a, b] = [scenario.line[key], baseline.line[key]].map((v) => (Array.isArray(v) ? Math.max(...(v as number[])) : (v as number)));
          return b ? round2(a! / b) : null;
        };
        // When a crowd was not all connected in time the two lines hold different numbers of sockets: compare
        // the connection rates and how many got in, not the latencies alone.
        scenario.line.vs_one_node = {
          connected: ratio("connected"),
          connects_per_s: ratio("connects_per_s"),
          connect_s: ratio("connect_s"),
          p50_ms: ratio("p50_ms"),
          p99_ms: ratio("p99_ms"),
          rss_per_node: ratio("node_rss_mib"),
        };
      }
      console.log(JSON.stringify(scenario.line));
      allOk &&= scenario.line.ok === true;
      done.push(scenario);
    }
  }
  await publisherRedis.quit();
  await redis.stop();
  process.exit(allOk ? 0 : 1);
}

// The same script serves as the client threads' entry (realtimeWorkers.ts).
if (isClientThread()) serveClientThread();
else await main();
