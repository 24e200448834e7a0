import { z } from "zod";
import { RealtimeChannelSchema } from "@ketnoi/contracts";

const EnvSchema = z.object({
  REALTIME_HOST: z.string().default("127.0.0.1"),
  REALTIME_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  PUBLIC_ORIGIN: z.url().default("http://localhost:8080"),
  /** Shared with the api: it signs the socket tokens and room tickets this service verifies. */
  REALTIME_SECRET: z.string().min(32, "must be at least 32 characters"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  REALTIME_CHANNEL: RealtimeChannelSchema,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type RealtimeConfig = z.infer<typeof EnvSchema>;

/** Reads and validates the environment once; lists every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): RealtimeConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
