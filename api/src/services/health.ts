import type { DependencyState, Health } from "@ketnoi/contracts";

/** A dependency the api reports on; `required` ones decide between 200 and 503. */
export interface HealthProbe {
  name: "db" | "livekit" | "redis" | "mail";
  required: boolean;
  check(): Promise<void>;
}

const PROBE_TIMEOUT_MS = 2000;

async function runProbe(probe: HealthProbe): Promise<DependencyState> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { status: "up", required: probe.required, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: "down", required: probe.required, detail: (err as Error).message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(probes: HealthProbe[]): Promise<{ healthy: boolean; body: Health }> {
  const states = await Promise.all(probes.map(async (p) => [p.name, await runProbe(p)] as const));
  // 503 only when a required dependency is down; "degraded" whenever any is (mail or Redis away).
  const healthy = states.every(([, s]) => s.status === "up" || !s.required);
  const dependencies = Object.fromEntries(states) as Health["dependencies"];
  const allUp = states.every(([, s]) => s.status === "up");
  return { healthy, body: { status: allUp ? "ok" : "degraded", dependencies } };
}
