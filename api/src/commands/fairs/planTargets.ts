import type { PlanTargets } from "@ketnoi/contracts";
import type { UserRecord } from "../../repositories/userRepository";
import { eventFor, onlyInEvent } from "../events/eventInContext";
import type { CommandContext } from "../context";
import { countPlanTargets, INTERNATIONAL_STANDARDS, TECHNOLOGY_MAKER_COUNTRIES } from "../../domain/planTargets";

/** The progress of the event in context (see eventFor) towards the plans' targets, for the organisers' dashboard: the firms registered for it. */
export async function planTargets(ctx: CommandContext, user: UserRecord, event: string | undefined): Promise<PlanTargets> {
  const fair = await eventFor(ctx, user, event);
  const firms = await onlyInEvent(ctx, fair.id, await ctx.repos.companies.listAll());
  const lastDay = new Date(`${[...fair.days].sort().at(-1)}T00:00:00Z`);
  return { ...countPlanTargets(firms, lastDay), standards: [...INTERNATIONAL_STANDARDS], makerCountries: [...TECHNOLOGY_MAKER_COUNTRIES] };
}
