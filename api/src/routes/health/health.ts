import { z } from "zod";
import { HealthSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { HealthProbe } from "../../services/health";
import { checkHealth } from "../../commands/health/checkHealth";

export function healthEndpoints(probes: HealthProbe[]) {
  return [
    defineEndpoint({
      method: "get",
      path: "/health",
      summary: "State of each dependency: 200 when every required one is up, 503 otherwise",
      tags: ["operations"],
      access: "public",
      request: { query: z.strictObject({}) },
      responses: {
        200: { description: "All required dependencies are up", schema: HealthSchema },
        503: { description: "A required dependency is down", schema: HealthSchema },
      },
      handler: async ({ res }) => {
        const { healthy, body } = await checkHealth(probes);
        res.set("Cache-Control", "no-store");
        return { status: healthy ? 200 : 503, body };
      },
    }),
  ];
}
