// bench:realtime's clients, in worker threads: each thread holds its share of the sockets on an event loop
// of its own, not on the one that publishes and watches (holding 10,000 sockets, that loop took about as
// long to read a round as the node took to send it, and a delivery waited for both).
// Receipt times are read on the clock every thread of the process shares (clock(): performance.timeOrigin
// + performance.now(), sub-millisecond), on which the publisher stamps each message's send time.
// The main thread sees the deliveries as they come through shared counters (to know when all arrived
// or the rest is lost) and gets every latency, id check and disconnect from each thread at the end.
import { performance } from "node:perf_hooks";
import { Worker, parentPort, threadId, workerData } from "node:worker_threads";
import { clock, connectClient, Deliveries, pool, type BenchClient, type ClientKind, type DeliveryKind } from "./realtimeClients";

/** What one thread connects: clients first..end-1 of the crowd, each placed by its index as the main thread did. */
export interface ConnectSpec {
  first: number;
  end: number;
  client: ClientKind;
  nodeUrls: string[];
  booths: string[];
  sourceAddresses: string[];
  secret: string;
  /** Handshakes this thread keeps in flight at once. */
  concurrency: number;
  /** On clock(): no client starts after it. */
  deadline: number;
}

export interface ConnectResult {
  started: number;
  connected: number;
  handshakes: number[];
  joins: number[];
  failed: number;
  /** The first few failures' messages. */
  failures: string[];
}

export interface DeliveryReport {
  delivered: number;
  duplicates: number;
  disconnected: number;
  /** Every delivery's latency (ms), by kind, and its round. */
  latencies: Record<DeliveryKind, Float64Array>;
  rounds: Record<DeliveryKind, Int32Array>;
  /** This thread's CPU time (ms) since mark(). */
  cpuMs: number;
}

type Request =
  | { id: number; op: "ready" }
  | { id: number; op: "connect"; spec: ConnectSpec }
  | { id: number; op: "mark"; poll: boolean }
  | { id: number; op: "report" }
  | { id: number; op: "close" };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const ROLE = "bench-realtime-clients";
/** Counters each thread shares with the main thread: bench messages received, other events received. */
const DELIVERED = 0;
const OTHER = 1;

/** Whether this thread is one of the bench's client threads (started by ClientFleet on the bench's own script). */
export const isClientThread = () => (workerData as { role?: string } | null)?.role === ROLE;

/** The main thread's handle on the client threads. */
export class ClientFleet {
  private next = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(
    private readonly workers: Worker[],
    private readonly counters: Int32Array[],
  ) {
    for (const worker of workers) {
      worker.on("message", (reply: Reply) => {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (reply.ok) waiting?.resolve(reply.value);
        else waiting?.reject(new Error(reply.error));
      });
      worker.on("error", (err) => this.failAll(err));
      worker.on("exit", (code) => code && this.failAll(new Error(`client thread exited with ${code}`)));
    }
  }

  /** Starts `threads` client threads on `script` (the bench's own entry, which serves as one when isClientThread()). */
  static start(threads: number, script: URL | string) {
    const counters = Array.from({ length: threads }, () => new Int32Array(new SharedArrayBuffer(8)));
    const workers = counters.map((shared) => new Worker(script, { workerData: { role: ROLE, counters: shared } }));
    return new ClientFleet(workers, counters);
  }

  get threads() {
    return this.workers.length;
  }

  private failAll(err: Error) {
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
  }

  private call<T>(worker: Worker, request: DistributiveOmit<Request, "id">): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  /** Resolves when every thread has loaded and listens. */
  async ready() {
    await Promise.all(this.workers.map((w) => this.call(w, { op: "ready" })));
  }

  /**
   * Starts counting the threads' CPU time anew (before the broadcasts); with `poll`, the threads also stop
   * sleeping between reads until report() (pollWithoutSleeping).
   */
  async mark(poll: boolean) {
    await Promise.all(this.workers.map((w) => this.call(w, { op: "mark", poll })));
  }

  /** Connects clients 0..size-1, each thread a contiguous share of them (every share spans all nodes and booths). */
  async connect(size: number, spec: Omit<ConnectSpec, "first" | "end" | "concurrency">, concurrency: number): Promise<ConnectResult> {
    const n = this.workers.length;
    const results = await Promise.all(
      this.workers.map((worker, k) =>
        this.call<ConnectResult>(worker, {
          op: "connect",
          spec: {
            ...spec,
            first: Math.floor((k * size) / n),
            end: Math.floor(((k + 1) * size) / n),
            concurrency: Math.max(1, Math.round(concurrency / n)),
          },
        }),
      ),
    );
    return {
      started: results.reduce((s, r) => s + r.started, 0),
      connected: results.reduce((s, r) => s + r.connected, 0),
      handshakes: results.flatMap((r) => r.handshakes),
      joins: results.flatMap((r) => r.joins),
      failed: results.reduce((s, r) => s + r.failed, 0),
      failures: results.flatMap((r) => r.failures),
    };
  }

  /** Bench messages received so far, over all threads. */
  delivered() {
    return this.counters.reduce((s, c) => s + Atomics.load(c, DELIVERED), 0);
  }

  /** Other events (presence, counts) received so far, over all threads. */
  otherEvents() {
    return this.counters.reduce((s, c) => s + Atomics.load(c, OTHER), 0);
  }

  async report() {
    const reports = await Promise.all(this.workers.map((w) => this.call<DeliveryReport>(w, { op: "report" })));
    const all = (kind: DeliveryKind) => reports.flatMap((r) => Array.from(r.latencies[kind]));
    const byRound: number[][] = [];
    for (const r of reports)
      for (const kind of ["hall", "booth"] as const) {
        const { [kind]: rounds } = r.rounds;
        for (let i = 0; i < rounds.length; i++) (byRound[rounds[i]!] ??= []).push(r.latencies[kind][i]!);
      }
    return {
      delivered: reports.reduce((s, r) => s + r.delivered, 0),
      duplicates: reports.reduce((s, r) => s + r.duplicates, 0),
      disconnected: reports.reduce((s, r) => s + r.disconnected, 0),
      latencies: { hall: all("hall"), booth: all("booth") },
      byRound: Array.from(byRound, (l) => l ?? []),
      threadCpuMs: reports.map((r) => r.cpuMs),
    };
  }

  /** Closes every client, then the threads. */
  async close() {
    await Promise.all(this.workers.map((w) => this.call(w, { op: "close" })));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Keeps this thread's event loop turning (an immediate that schedules itself: libuv then polls its sockets
 * without waiting) until the returned function is called. On loopback, the kernel's delivery of a segment
 * to a reader asleep in epoll wakes that reader from within the writer's send: a client thread that caught
 * up between two of the node's writes made the next write pay for its wake-up, a cost a node writing to a
 * network card never pays for its clients. Measured with 10,000 sockets on one node, two runs each: the
 * node spent 127-132 ms a round writing the frames to clients that slept, 111 ms to clients that polled.
 * The thread's CPU then reads 100% of a core.
 */
function pollWithoutSleeping() {
  let polling = true;
  const turn = () => {
    if (polling) setImmediate(turn);
  };
  setImmediate(turn);
  return () => {
    polling = false;
  };
}

/** The client thread: holds its share of the crowd and answers the main thread. */
export function serveClientThread() {
  const counters = (workerData as { counters: Int32Array }).counters;
  const deliveries = new Deliveries(
    () => Atomics.add(counters, DELIVERED, 1),
    () => Atomics.add(counters, OTHER, 1),
  );
  let clients: BenchClient[] = [];
  let cpuAtMark = process.threadCpuUsage();
  let stopPolling = () => {};

  const handle = async (request: Request): Promise<unknown> => {
    switch (request.op) {
      case "ready":
        return null;
      case "mark":
        cpuAtMark = process.threadCpuUsage();
        stopPolling();
        if (request.poll) stopPolling = pollWithoutSleeping();
        return null;
      case "connect": {
        const s = request.spec;
        const started = performance.now();
        const results = await pool(s.end - s.first, s.concurrency, started + (s.deadline - clock()), (j) => {
          const i = s.first + j;
          return connectClient(
            s.client,
            s.nodeUrls[i % s.nodeUrls.length]!,
            s.secret,
            s.booths[i % s.booths.length]!,
            s.sourceAddresses[i % s.sourceAddresses.length]!,
            deliveries,
          );
        });
        const joined = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
        const failures = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error)?.message ?? r.reason)] : []));
        clients = joined.map((j) => j.client);
        return {
          started: results.length,
          connected: clients.length,
          handshakes: joined.map((j) => j.handshakeMs),
          joins: joined.map((j) => j.joinMs),
          failed: failures.length,
          failures: failures.slice(0, 3),
        } satisfies ConnectResult;
      }
      case "report": {
        stopPolling();
        const cpu = process.threadCpuUsage(cpuAtMark);
        return {
          delivered: clients.reduce((sum, c) => sum + c.seen.size, 0),
          duplicates: clients.reduce((sum, c) => sum + c.duplicates, 0),
          disconnected: clients.filter((c) => c.disconnected).length,
          latencies: { hall: Float64Array.from(deliveries.latencies.hall), booth: Float64Array.from(deliveries.latencies.booth) },
          rounds: { hall: Int32Array.from(deliveries.rounds.hall), booth: Int32Array.from(deliveries.rounds.booth) },
          cpuMs: (cpu.user + cpu.system) / 1000,
        } satisfies DeliveryReport;
      }
      case "close": {
        for (const c of clients) c.socket.close();
        clients = [];
        return null;
      }
    }
  };

  parentPort!.on("message", (request: Request) => {
    handle(request).then(
      (value) => parentPort!.postMessage({ id: request.id, ok: true, value } satisfies Reply),
      (err: unknown) =>
        parentPort!.postMessage({ id: request.id, ok: false, error: `thread ${threadId}: ${String((err as Error)?.stack ?? err)}` } satisfies Reply),
    );
  });
}
