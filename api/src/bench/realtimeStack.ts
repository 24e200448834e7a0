// The processes bench:realtime measures: a Redis of its own and realtime nodes started from the built
// service (realtime/dist/main.js) as in production, each on a port of the bench's own, with the
// resident memory and CPU time of a node read from /proc.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });

async function waitListening(port: number, name: string) {
  for (let i = 0; i < 200; i++) {
    if (await accepts(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not start listening on 127.0.0.1:${port} within 20 s`);
}

/** Refuses to start over something already listening there (another run, another engineer's service). */
export async function assertPortFree(port: number, what: string) {
  if (await accepts(port)) throw new Error(`port ${port} (${what}) is already in use: stop whatever listens there (ss -ltnp 'sport = :${port}')`);
}

const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) c.kill("SIGKILL");
});
// Interrupted, the bench still takes its Redis and nodes down with it ("exit" runs only on a normal exit).
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

function startProcess(command: string, args: string[], env: Record<string, string>, logName: string) {
  // Logs to a file: stdout carries only the bench's JSON lines.
  const logPath = path.join(tmpdir(), `ketnoi-bench-${logName}.log`);
  const log = openSync(logPath, "w");
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", log, log] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return { child, logPath };
}

const linesMatching = (file: string, pattern: RegExp) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => pattern.test(l)).length;

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await gone;
  clearTimeout(timer);
}

/** Debian's redis-server in memory only, as infra/stack.sh's start_redis runs it. */
export async function startRedis(port: number) {
  await assertPortFree(port, "the bench's Redis");
  const { child, logPath } = startProcess(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {},
    `redis-${port}`,
  );
  await waitListening(port, "Redis");
  return {
    url: `redis://127.0.0.1:${port}`,
    /**
     * Connections Redis closed for falling behind (client-output-buffer-limit; Redis 7.0 keeps no count
     * of them but logs each): a realtime node's subscriber among them misses every broadcast until it is back.
     */
    slowClientsDropped: () => linesMatching(logPath, /overcoming of output buffer limits/),
    stop: () => stopProcess(child),
  };
}

export interface RealtimeNode {
  url: string;
  pid: number;
  /** Lines the node logged at warn level or above (failed presence counts, unchecked sessions, Redis errors). */
  warnings(): number;
  stop(): Promise<void>;
}

/** One realtime node from the built service, with the environment realtime/src/config.ts reads. */
export async function startRealtimeNode(script: string, port: number, redisUrl: string, secret: string): Promise<RealtimeNode> {
  await assertPortFree(port, "a realtime node of the bench");
  const env = {
    REALTIME_HOST: "127.0.0.1",
    REALTIME_PORT: String(port),
    REDIS_URL: redisUrl,
    REALTIME_SECRET: secret,
    PUBLIC_ORIGIN: "http://localhost:8080",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
  };
  const { child, logPath } = startProcess(process.execPath, ["--enable-source-maps", script], env, `realtime-${port}`);
  await waitListening(port, "realtime node");
  const warnings = () => linesMatching(logPath, /"level":(4|5|6)0/);
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, warnings, stop: () => stopProcess(child) };
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** A process's resident memory now and at its peak (MiB), and its CPU time so far (user + system, seconds). */
export function procStats(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, "m"))?.[1] ?? 0);
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime and stime, fields 14 and 15 of stat(5)
  return { rssMiB: Math.round(kib("VmRSS") / 1024), peakRssMiB: Math.round(kib("VmHWM") / 1024), cpuSeconds: ticks / CLOCK_TICKS };
}
