import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { RealtimeChannelSchema } from "@ketnoi/contracts";
import { parseTrustProxy, type TrustProxy } from "../http/trustProxy";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  API_HOST: z.string().default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** The one origin the browser sees (the gateway), e.g. http://localhost:8080. */
  PUBLIC_ORIGIN: z.url().default("http://localhost:8080"),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, "must be a mongodb:// or mongodb+srv:// URI"),
  LIVEKIT_URL: z.string().regex(/^(https?|wss?):\/\//, "must be an http(s):// or ws(s):// URL"),
  LIVEKIT_API_KEY: z.string().min(1),
  LIVEKIT_API_SECRET: z.string().min(32, "must be at least 32 characters"),
  /** The LiveKit URL browsers connect to, when it differs from LIVEKIT_URL (e.g. wss://video.example.org). */
  LIVEKIT_PUBLIC_URL: z
    .string()
    .regex(/^(https?|wss?):\/\//, "must be an http(s):// or ws(s):// URL")
    .optional(),
  /** Shared with the realtime service: signs the socket tokens and room tickets it verifies. */
  REALTIME_SECRET: z.string().min(32, "must be at least 32 characters"),
  /** Optional: without it the api runs on its own; with it health reports redis and events go through it. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  REALTIME_CHANNEL: RealtimeChannelSchema,
  /** Where the api keeps what it may read back after a restart on this host (the directory's snapshot). */
  CACHE_DIR: z.string().min(1).default(path.join(tmpdir(), "ketnoi-cache")),
  /**
   * Where mail goes: smtp://[user:pass@]host:port (STARTTLS when the server offers it) or
   * smtps://... (TLS from the start). Without it mail waits in the outbox and is only logged.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The sender, e.g. "Ketnoi <no-reply@ketnoi.example.org>"; by default no-reply at PUBLIC_ORIGIN's host. */
  SMTP_FROM: z.string().min(3).optional(),
  /** DKIM signing (production): all three or none. */
  DKIM_DOMAIN: z.string().min(3).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  /**
   * Who may tell the api a client's address (X-Forwarded-For): the gateway's addresses (IPs, CIDRs,
   * loopback/linklocal/uniquelocal; one hop) or a number of proxy hops. Default: the gateway on loopback.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const trust = parseTrustProxy(value);
      if (!("problems" in trust)) return trust;
      for (const message of trust.problems) ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How long a meeting request waits for an answer before it lapses. */
  MEETING_REQUEST_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(72),
  /** How long before a meeting its reminder goes out. */
  MEETING_REMINDER_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /**
   * The auto-scheduler's solver threads run this much nicer (0 to 19) than the api (on Linux), so a
   * scheduler run during the fair takes the idle cores and the requests being served come first.
   */
  SOLVER_NICE: z.coerce.number().int().min(0).max(19).default(10),
});

/** What the scripts beside the api need (the seed, the fair-data CLI): its database and the Redis it keeps revisions in. */
export const ScriptEnvSchema = EnvSchema.pick({ MONGODB_URI: true, REDIS_URL: true });

export type ApiConfig = Readonly<{
  env: "development" | "production" | "test";
  host: string;
  port: number;
  publicOrigin: string;
  mongodbUri: string;
  livekit: Readonly<{ url: string; publicUrl: string; apiKey: string; apiSecret: string }>;
  realtimeSecret: string;
  redisUrl: string | undefined;
  /** The Redis channel prefix shared with the realtime nodes (REALTIME_CHANNEL). */
  realtimeChannel: string;
  cacheDir: string;
  trustProxy: TrustProxy;
  mail: MailConfig;
  logLevel: string;
  meetings: Readonly<{ requestTtlHours: number; reminderMinutes: number }>;
  solverNice: number;
}>;

export type MailConfig = Readonly<{
  smtpUrl: string | undefined;
  from: string;
  dkim: Readonly<{ domainName: string; keySelector: string; privateKey: string }> | undefined;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the environment once; every problem is listed, not just the first. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const env = parsed.data;
  const dkimVars = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY_FILE];
  if (dkimVars.some(Boolean) && !dkimVars.every(Boolean)) {
    throw new ConfigError(["DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE: set all three or none"]);
  }
  let dkimKey: string | undefined;
  if (env.DKIM_PRIVATE_KEY_FILE) {
    try {
      dkimKey = readFileSync(env.DKIM_PRIVATE_KEY_FILE, "utf8");
    } catch {
      throw new ConfigError([`DKIM_PRIVATE_KEY_FILE: cannot read ${env.DKIM_PRIVATE_KEY_FILE}`]);
    }
  }
  return Object.freeze({
    env: env.NODE_ENV,
    host: env.API_HOST,
    port: env.API_PORT,
    publicOrigin: env.PUBLIC_ORIGIN,
    mongodbUri: env.MONGODB_URI,
    livekit: Object.freeze({
      url: env.LIVEKIT_URL,
      publicUrl: (env.LIVEKIT_PUBLIC_URL ?? env.LIVEKIT_URL).replace(/^http/, "ws"),
      apiKey: env.LIVEKIT_API_KEY,
      apiSecret: env.LIVEKIT_API_SECRET,
    }),
    realtimeSecret: env.REALTIME_SECRET,
    redisUrl: env.REDIS_URL,
    realtimeChannel: env.REALTIME_CHANNEL,
    cacheDir: env.CACHE_DIR,
    trustProxy: env.TRUST_PROXY,
    mail: Object.freeze({
      smtpUrl: env.SMTP_URL,
      from: env.SMTP_FROM ?? `Ketnoi <no-reply@${new URL(env.PUBLIC_ORIGIN).hostname}>`,
      dkim: dkimKey ? Object.freeze({ domainName: env.DKIM_DOMAIN!, keySelector: env.DKIM_SELECTOR!, privateKey: dkimKey }) : undefined,
    }),
    logLevel: env.LOG_LEVEL,
    meetings: Object.freeze({ requestTtlHours: env.MEETING_REQUEST_TTL_HOURS, reminderMinutes: env.MEETING_REMINDER_MINUTES }),
    solverNice: env.SOLVER_NICE,
  });
}
