import type { SchedulerContext } from "./context";

/** How many plans the list shows: a fair's organisers run a few dozen at most. */
const LIST_LIMIT = 100;

/** The current fair's plans, drafts and published, newest first (none without a current fair). */
export async function listPlans(ctx: SchedulerContext) {
  const fair = await ctx.repos.fairs.findCurrent(ctx.now());
  return fair ? ctx.repos.schedulePlans.listForFair(fair.id, LIST_LIMIT) : [];
}
