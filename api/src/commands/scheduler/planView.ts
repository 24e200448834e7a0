import { companyName, type Locale } from "@ketnoi/contracts";
import { notFound } from "../../errors";
import type { SchedulePlanRecord } from "../../repositories/schedulePlanRepository";
import type { NamesFor } from "./planSlots";
import type { SchedulerContext } from "./context";

/** A plan as the scheduler's commands hand it out. */
export type SchedulePlan = SchedulePlanRecord;

/** A plan by its id, drafts and published alike, or not found. */
export async function findPlan(ctx: SchedulerContext, planId: string): Promise<SchedulePlan> {
  const plan = await ctx.repos.schedulePlans.findById(planId);
  if (!plan) throw notFound();
  return plan;
}

/** The plan's firms and interpreters, named for the reader. */
export function planNames(ctx: SchedulerContext, locale: Locale): NamesFor {
  return async (plan) => {
    const names = new Map<string, string>();
    const firms = [...plan.instance.participants.map((p) => p.id), ...(plan.replan?.current.flatMap((p) => [p.a, p.b]) ?? [])];
    for (const c of await ctx.repos.companies.findByIds([...new Set(firms)])) names.set(c.id, companyName(c, locale));
    for (const i of await ctx.repos.interpreters.listForFair(plan.fairId)) names.set(i.id, i.name);
    return names;
  };
}
