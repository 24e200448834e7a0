import type { Proposal } from "../scheduler/runScheduler";
import type { MatchingContext } from "./recommendations";

/**
 * The matcher's proposals for the auto-scheduler: each domestic firm's top partners, each pair once
 * (the higher of the two sides' scores), promoted pairs included.
 */
export async function proposalsForScheduler(ctx: MatchingContext, fairId: string, perCompany: number): Promise<Proposal[]> {
  const best = new Map<string, Proposal>();
  for (const { companyId, recommendations } of await ctx.matching.forEvent(fairId).recommendAll(perCompany, "domestic")) {
    for (const r of recommendations) {
      const key = [companyId, r.id].sort().join(":");
      const score = Math.max(r.score, 0.01);
      if ((best.get(key)?.score ?? 0) < score) best.set(key, { a: companyId, b: r.id, score });
    }
  }
  return [...best.values()];
}
