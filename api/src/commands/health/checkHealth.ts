import type { Health } from "@ketnoi/contracts";
import { runProbe, type HealthProbe } from "../../services/health";

/** Every dependency probed at once: healthy unless a required one is down; "degraded" whenever any is. */
export async function checkHealth(probes: HealthProbe[]): Promise<{ healthy: boolean; body: Health }> {
  const states = await Promise.all(probes.map(async (p) => [p.name, await runProbe(p)] as const));
  // 503 only when a required dependency is down; "degraded" whenever any is (mail or Redis away).
  const healthy = states.every(([, s]) => s.status === "up" || !s.required);
  const dependencies = Object.fromEntries(states) as Health["dependencies"];
  const allUp = states.every(([, s]) => s.status === "up");
  return { healthy, body: { status: allUp ? "ok" : "degraded", dependencies } };
}
