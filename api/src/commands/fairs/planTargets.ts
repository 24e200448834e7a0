import type { PlanTargets } from "@ketnoi/contracts";
import { notFound } from "../../errors";
import type { CommandContext } from "../context";
import { countPlanTargets, INTERNATIONAL_STANDARDS, TECHNOLOGY_MAKER_COUNTRIES } from "../../domain/planTargets";

/** The current fair's progress towards the plans' targets, for the organisers' dashboard. */
export async function planTargets({ repos, now }: CommandContext): Promise<PlanTargets> {
  const fair = await repos.fairs.findCurrent(now());
  if (!fair) throw notFound();
  const firms = (await repos.companies.listAll()).filter((c) => c.fairId === fair.id);
  const lastDay = new Date(`${[...fair.days].sort().at(-1)}T00:00:00Z`);
  return { ...countPlanTargets(firms, lastDay), standards: [...INTERNATIONAL_STANDARDS], makerCountries: [...TECHNOLOGY_MAKER_COUNTRIES] };
}
