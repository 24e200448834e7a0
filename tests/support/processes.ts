import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * Real processes for fault tests: FerretDB, Redis, the built api and realtime, each on its own port
 * and in its own process group (so a kill reaches its children too), restartable with the same
 * data directory and settings. Every process a test file starts is killed in afterAll, whatever
 * happened, and on the Jest worker's exit as a last resort.
 */

export const ROOT = resolve(__dirname, "../..");
const FERRETDB_VERSION = "v1.24.2"; // infra/lib.sh
const MAILPIT_VERSION = "v1.33.1"; // infra/lib.sh
const CACHE_DIR = process.env.KETNOI_CACHE_DIR ?? join(ROOT, "infra/.cache");
export const FERRETDB_BIN = join(CACHE_DIR, "bin", `ferretdb-${FERRETDB_VERSION}`);
export const REDIS_BIN = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";
export const MAILPIT_BIN = join(CACHE_DIR, "bin", `mailpit-${MAILPIT_VERSION}`);
const API_MAIN = join(ROOT, "api/dist/main.js");
const REALTIME_MAIN = join(ROOT, "realtime/dist/main.js");
const SEED_CLI = join(ROOT, "api/dist/seed/cli.js");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fails with the fix when a binary or a build the tests start is missing. */
export function requireBuilt() {
  const missing = [
    [API_MAIN, "run `npm run build` (infra/test.sh builds before Jest)"],
    [REALTIME_MAIN, "run `npm run build`"],
    [SEED_CLI, "run `npm run build`"],
    [FERRETDB_BIN, "run `bash infra/install.sh` (it builds FerretDB into infra/.cache/bin)"],
    [REDIS_BIN, "install the Debian package redis-server (infra/install.sh does)"],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length) throw new Error(`fault tests need real binaries:\n${missing.map(([p, fix]) => `  - ${p} is missing: ${fix}`).join("\n")}`);
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: "127.0.0.1", port });
    const finish = (open: boolean) => {
      socket.destroy();
      done(open);
    };
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
    socket.setTimeout(1000, () => finish(false));
  });
}

/** Polls until `check` returns a truthy value; fails after `timeoutMs` naming what it waited for. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 60_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ""}`);
    await sleep(intervalMs);
  }
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** One real process: started, stopped and restarted with the same command, environment and log file. */
export class Service {
  private child: ChildProcess | undefined;
  private exitPromise: Promise<Exit> | undefined;
  /** How the last run ended (undefined while running or never started). */
  lastExit: Exit | undefined;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
    private readonly ready: () => Promise<boolean> = () => portOpen(port),
  ) {}

  get pid() {
    return this.child?.pid;
  }
  get running() {
    return Boolean(this.child) && this.lastExit === undefined;
  }

  /** Starts it (its own process group, output appended to its log) and waits until it is ready. */
  async start(timeoutMs = 60_000) {
    if (this.running) throw new Error(`${this.name} is already running`);
    if (await portOpen(this.port))
      throw new Error(`port ${this.port} (for ${this.name}) is already in use: stop whatever listens there (ss -ltnp 'sport = :${this.port}')`);
    const log = openSync(this.logFile, "a");
    this.lastExit = undefined;
    const child = spawn(this.command, this.args, { cwd: ROOT, env: this.env, detached: true, stdio: ["ignore", log, log] });
    closeSync(log);
    this.child = child;
    live.add(this);
    this.exitPromise = new Promise<Exit>((done) => {
      child.once("exit", (code, signal) => {
        this.lastExit = { code, signal };
        done(this.lastExit);
      });
      child.once("error", () => {
        this.lastExit = { code: null, signal: null };
        done(this.lastExit);
      });
    });
    try {
      await waitFor(
        `${this.name} to be ready on port ${this.port}`,
        async () => {
          if (this.lastExit) throw new Error(`${this.name} exited during start-up (${JSON.stringify(this.lastExit)})`);
          return this.ready();
        },
        { timeoutMs },
      );
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- last lines of ${this.logFile} ---\n${this.logTail()}`);
    }
  }

  /** Sends a signal to the whole process group. */
  signal(signal: NodeJS.Signals) {
    const pid = this.child?.pid;
    if (!pid || this.lastExit) return;
    try {
      process.kill(-pid, signal);
    } catch {
      try {
        process.kill(pid, signal);
      } catch {
        /* already gone */
      }
    }
  }

  /** Resolves when the process has exited (at once if it has). */
  exited(): Promise<Exit> {
    return this.exitPromise ?? Promise.resolve({ code: null, signal: null });
  }

  /** A crash: SIGKILL to the group, and wait until it is gone. */
  async kill(): Promise<Exit> {
    this.signal("SIGKILL");
    const exit = await this.exited();
    await waitFor(`port ${this.port} to close after killing ${this.name}`, async () => !(await portOpen(this.port)), { timeoutMs: 10_000 });
    return exit;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<Exit> {
    if (!this.running) return this.lastExit ?? { code: null, signal: null };
    this.signal("SIGTERM");
    const timer = setTimeout(() => this.signal("SIGKILL"), graceMs);
    const exit = await this.exited();
    clearTimeout(timer);
    // A process group's children (FerretDB has none, node's worker threads are threads) go too.
    const pid = this.child?.pid;
    if (pid)
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        /* none left */
      }
    return exit;
  }

  /** Starts it again: same command, environment, data directory and port. */
  async restart(timeoutMs?: number) {
    if (this.running) await this.stop();
    await this.start(timeoutMs);
  }

  logTail(lines = 40) {
    try {
      return readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  }
}

/** Every service started in this worker, for the last-resort cleanup on exit. */
const live = new Set<Service>();
process.once("exit", () => {
  for (const s of live) {
    if (s.running && s.pid)
      try {
        process.kill(-s.pid, "SIGKILL");
      } catch {
        /* gone */
      }
  }
});

const FAULT_SECRET = "fault-tests-realtime-secret-0123456789";

export interface StackOptions {
  /** Ports of this test file's block (nothing else may use them). */
  ports: {
    db: number;
    redis?: number;
    api: number;
    realtime?: number[];
    /** A second api process beside the first. */
    api2?: number;
    /** A Mailpit of its own (SMTP and HTTP ports) the apis send to. */
    mail?: { smtp: number; http: number };
    /**
     * LiveKit servers of its own in multi-node mode, sharing this stack's Redis (each uses its port for
     * signalling and port + 2 for media over UDP). The api talks to the first, api2 to the
     * second (or the first when there is one).
     */
    livekit?: number[];
  };
  /** LiveKit the api talks to; default: the test stack's (TEST_LIVEKIT_*). */
  livekit?: { url: string; apiKey: string; apiSecret: string };
  /** The LiveKit address each api process gives browsers (LIVEKIT_PUBLIC_URL), in api order: e.g. a balancer in front of the nodes. */
  livekitPublicUrls?: string[];
}

const LIVEKIT_VERSION = "v1.13.5"; // infra/lib.sh
export const LIVEKIT_BIN = join(CACHE_DIR, "bin", `livekit-server-${LIVEKIT_VERSION}`);
/** The key pair of a stack's own LiveKit nodes (for a test's server-API calls to them). */
export const STACK_LIVEKIT = { apiKey: "fault-livekit-key", apiSecret: "fault-livekit-secret-0123456789abcdefghij" };

/**
 * A LiveKit server as infra/stack.sh starts one (media on loopback only), plus Redis: LiveKit's
 * multi-node mode, where each room lives on one node and a participant may connect to any node (its
 * signalling is relayed through Redis to the room's node, its media goes to that node directly).
 */
function livekitNode(dir: string, name: string, port: number, redisPort: number, env: NodeJS.ProcessEnv) {
  const config = join(dir, `${name}.yaml`);
  writeFileSync(
    config,
    [
      `port: ${port}`,
      `bind_addresses: ["127.0.0.1"]`,
      `redis:\n  address: "127.0.0.1:${redisPort}"`,
      `keys:\n  "${STACK_LIVEKIT.apiKey}": "${STACK_LIVEKIT.apiSecret}"`,
      `rtc:\n  tcp_port: 0\n  udp_port: ${port + 2}\n  allow_tcp_fallback: false\n  interfaces:\n    includes: ["lo"]\n  ips:\n    includes: ["127.0.0.1/8"]`,
      `  use_external_ip: false\n  node_ip: 127.0.0.1\n  enable_loopback_candidate: true\n  stun_servers: []`,
      `turn:\n  enabled: false`,
      `logging:\n  level: warn`,
      "",
    ].join("\n"),
  );
  return new Service(name, port, LIVEKIT_BIN, ["--config", config], env, join(dir, `${name}.log`));
}

/**
 * A test file's own stack of real processes in a temporary directory: FerretDB (SQLite), optionally
 * Redis, the api and realtime nodes. `cleanup()` (call it from afterAll) kills them all and removes
 * the directory.
 */
export function faultStack(label: string, options: StackOptions) {
  requireBuilt();
  const dir = mkdtempSync(join(tmpdir(), `ketnoi-faults-${label}-`));
  const dataDir = join(dir, "ferretdb");
  mkdirSync(dataDir);
  const services: Service[] = [];
  const add = (s: Service) => {
    services.push(s);
    return s;
  };
  const { ports } = options;
  const mongodbUri = `mongodb://127.0.0.1:${ports.db}/ketnoi_faults`;
  const redisUrl = ports.redis ? `redis://127.0.0.1:${ports.redis}` : undefined;
  const baseEnv = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? dir, TZ: process.env.TZ ?? "UTC" };

  const db = add(
    new Service(
      "ferretdb",
      ports.db,
      FERRETDB_BIN,
      [
        "--handler=sqlite",
        `--sqlite-url=file:${dataDir}/`,
        `--listen-addr=127.0.0.1:${ports.db}`,
        "--debug-addr=-",
        "--telemetry=disable",
        `--state-dir=${dataDir}`,
        "--log-level=warn",
      ],
      baseEnv,
      join(dir, "ferretdb.log"),
    ),
  );

  const redis = ports.redis
    ? add(
        new Service(
          "redis",
          ports.redis,
          REDIS_BIN,
          ["--port", String(ports.redis), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
          baseEnv,
          join(dir, "redis.log"),
        ),
      )
    : undefined;

  const livekit = () => {
    if (options.livekit) return options.livekit;
    const url = process.env.TEST_LIVEKIT_URL,
      apiKey = process.env.TEST_LIVEKIT_API_KEY,
      apiSecret = process.env.TEST_LIVEKIT_API_SECRET;
    if (!url || !apiKey || !apiSecret)
      throw new Error("TEST_LIVEKIT_URL/_API_KEY/_API_SECRET are not set: run the suite with `npm test`, which starts the test stack");
    return { url, apiKey, apiSecret };
  };
  const publicOrigin = "http://localhost:8080";
  const nodeEnv = {
    ...baseEnv,
    NODE_ENV: "production",
    LOG_LEVEL: process.env.TEST_PROCESS_LOG_LEVEL ?? "info",
    PUBLIC_ORIGIN: publicOrigin,
    REALTIME_SECRET: FAULT_SECRET,
  };

  const mail = ports.mail
    ? add(
        new Service(
          "mailpit",
          ports.mail.smtp,
          MAILPIT_BIN,
          [
            "--smtp",
            `127.0.0.1:${ports.mail.smtp}`,
            "--listen",
            `127.0.0.1:${ports.mail.http}`,
            "--database",
            join(dir, "mailpit.db"),
            "--disable-version-check",
            "--smtp-disable-rdns",
            "--smtp-auth-accept-any",
            "--smtp-auth-allow-insecure",
            "--quiet",
          ],
          baseEnv,
          join(dir, "mailpit.log"),
        ),
      )
    : undefined;

  const livekitNodes = (ports.livekit ?? []).map((port, i) => {
    if (!ports.redis) throw new Error("LiveKit's multi-node mode needs the stack's Redis (ports.redis)");
    return add(livekitNode(dir, `livekit-${i + 1}`, port, ports.redis, baseEnv));
  });
  /** The LiveKit the i-th api process talks to: its own node when the stack runs LiveKit, else the shared one. */
  const livekitFor = (i: number) => {
    const port = ports.livekit?.[Math.min(i, ports.livekit.length - 1)];
    return port ? { url: `http://127.0.0.1:${port}`, ...STACK_LIVEKIT } : livekit();
  };
  const apiProcess = (name: string, port: number, i: number) => {
    const lk = livekitFor(i);
    const publicUrl = options.livekitPublicUrls?.[i];
    return new Service(
      name,
      port,
      process.execPath,
      [API_MAIN],
      {
        ...nodeEnv,
        MONGODB_URI: mongodbUri,
        LIVEKIT_URL: lk.url,
        LIVEKIT_API_KEY: lk.apiKey,
        LIVEKIT_API_SECRET: lk.apiSecret,
        ...(publicUrl ? { LIVEKIT_PUBLIC_URL: publicUrl } : {}),
        API_HOST: "127.0.0.1",
        API_PORT: String(port),
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        ...(ports.mail ? { SMTP_URL: `smtp://127.0.0.1:${ports.mail.smtp}` } : {}),
      },
      join(dir, `${name}.log`),
    );
  };
  const api = add(apiProcess("api", ports.api, 0));
  const api2 = ports.api2 ? add(apiProcess("api-2", ports.api2, 1)) : undefined;

  const realtime = (ports.realtime ?? []).map((port, i) =>
    add(
      new Service(
        `realtime-${i + 1}`,
        port,
        process.execPath,
        [REALTIME_MAIN],
        {
          ...nodeEnv,
          REALTIME_HOST: "127.0.0.1",
          REALTIME_PORT: String(port),
          ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        },
        join(dir, `realtime-${i + 1}.log`),
      ),
    ),
  );

  /** Seeds the demo fair like `npm start` does (node api/dist/seed/cli.js). */
  const seed = () =>
    new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, [SEED_CLI], {
        cwd: ROOT,
        env: { ...baseEnv, MONGODB_URI: mongodbUri, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout!.on("data", (d) => (out += d));
      child.stderr!.on("data", (d) => (out += d));
      child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`seeding failed (exit ${code}):\n${out}`))));
    });

  return {
    dir,
    db,
    redis,
    api,
    api2,
    mail,
    mailUrl: ports.mail ? `http://127.0.0.1:${ports.mail.http}` : undefined,
    realtime,
    mongodbUri,
    redisUrl,
    livekit: livekitNodes,
    apiUrl: `http://127.0.0.1:${ports.api}`,
    api2Url: ports.api2 ? `http://127.0.0.1:${ports.api2}` : undefined,
    livekitUrls: (ports.livekit ?? []).map((p) => `ws://127.0.0.1:${p}`),
    realtimeUrls: (ports.realtime ?? []).map((p) => `http://127.0.0.1:${p}`),
    publicOrigin,
    seed,
    /** Kills every process of this stack (whatever state the test left it in) and removes its files. */
    async cleanup() {
      await Promise.allSettled(services.map((s) => s.stop(3000)));
      for (const s of services) live.delete(s);
      if (process.env.KEEP_FAULT_LOGS) console.log(`fault test logs kept in ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
    /** The last lines of every log, for a failing test's message. */
    logs: () => services.map((s) => `--- ${s.name} ---\n${s.logTail(15)}`).join("\n"),
  };
}
export type FaultStack = ReturnType<typeof faultStack>;
