import { z } from "zod";

export const DependencyStateSchema = z.object({
  status: z.enum(["up", "down"]),
  required: z.boolean(),
  latencyMs: z.number().optional(),
  detail: z.string().optional(),
});

export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  dependencies: z.object({
    db: DependencyStateSchema,
    livekit: DependencyStateSchema,
    redis: DependencyStateSchema.optional(),
    /** The SMTP server: optional (mail waits while it is away), so it makes the status "degraded", never 503. */
    mail: DependencyStateSchema.optional(),
  }),
});
export type Health = z.infer<typeof HealthSchema>;
export type DependencyState = z.infer<typeof DependencyStateSchema>;
