import type { SchedulerContext } from "./context";
import type { UserRecord } from "../../repositories/userRepository";
import { eventFor } from "../events/eventInContext";

/** How many plans the list shows: a fair's organisers run a few dozen at most. */
const LIST_LIMIT = 100;

/** The plans of the event in context (see eventFor), drafts and published, newest first. */
export async function listPlans(ctx: SchedulerContext, user: UserRecord, event: string | undefined) {
  const fair = await eventFor(ctx, user, event);
  return ctx.repos.schedulePlans.listForFair(fair.id, LIST_LIMIT);
}
