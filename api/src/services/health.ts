import type { DependencyState } from "@ketnoi/contracts";

/** A dependency the api reports on; `required` ones decide between 200 and 503. */
export interface HealthProbe {
  name: "db" | "livekit" | "redis" | "mail";
  required: boolean;
  check(): Promise<void>;
}

const PROBE_TIMEOUT_MS = 2000;

/** One dependency's state: up with its latency, or down with why (no answer within two seconds is down). */
export async function runProbe(probe: HealthProbe): Promise<DependencyState> {
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
