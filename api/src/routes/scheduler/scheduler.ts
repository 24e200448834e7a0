import { z } from "zod";
import { AdjustPlanBodySchema, RunSchedulerBodySchema, SchedulePlanViewSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import { notFound } from "../../errors";
import type { SchedulerContext } from "../../commands/scheduler/context";
import type { SchedulePlanRecord } from "../../repositories/schedulePlanRepository";
import { runScheduler, type Proposal } from "../../commands/scheduler/runScheduler";
import { adjustPlan } from "../../commands/scheduler/adjustPlan";
import { publishPlan } from "../../commands/scheduler/publishPlan";
import { presentSchedulePlan } from "../../presenters/schedulePlan";

const params = z.strictObject({ id: z.string().regex(/^[0-9a-f]{24}$/, "not an id") });
const noQuery = z.strictObject({});
const tags = ["scheduler"];

/** The organiser's auto-scheduler: run (a draft), review, adjust by hand, publish. Organisers only. */
export function schedulerEndpoints(ctx: SchedulerContext, proposalsFor: (perCompany: number) => Promise<Proposal[]>) {
  const view = async (plan: SchedulePlanRecord) => {
    const names = new Map<string, string>();
    for (const c of await ctx.repos.companies.findByIds([...new Set(plan.instance.participants.map((p) => p.id))])) names.set(c.id, c.englishName ?? c.legalName);
    for (const i of await ctx.repos.interpreters.listForFair(plan.fairId)) names.set(i.id, i.name);
    return presentSchedulePlan(plan, names);
  };
  return [
    defineEndpoint({
      method: "post",
      path: "/scheduler/plans",
      summary: "Run the auto-scheduler over the current fair: a draft plan with its value, proven upper bound, breaks and the first-fit baseline",
      tags,
      access: ["organiser"],
      request: { query: noQuery, body: RunSchedulerBodySchema },
      responses: { 201: { description: "The draft plan", schema: SchedulePlanViewSchema } },
      handler: async ({ body, auth }) => {
        const proposals = body.proposalsPerCompany ? await proposalsFor(body.proposalsPerCompany) : [];
        return { status: 201, body: await view(await runScheduler(ctx, auth!.user, { timeLimitMs: body.timeLimitSeconds * 1000, proposals, ...(body.maxMeetingsPerCompany ? { maxMeetingsPerCompany: body.maxMeetingsPerCompany } : {}) })) };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/scheduler/plans/:id",
      summary: "A plan: every meeting's slot, mode and interpreter, and why each left-out one was left out",
      tags,
      access: ["organiser"],
      request: { params, query: noQuery },
      responses: { 200: { description: "The plan", schema: SchedulePlanViewSchema } },
      handler: async ({ params: p }) => {
        const plan = await ctx.repos.schedulePlans.findById(p.id);
        if (!plan) throw notFound();
        return { body: await view(plan) };
      },
    }),
    defineEndpoint({
      method: "put",
      path: "/scheduler/plans/:id/meetings/:meeting",
      summary: "Move one meeting of a draft to another slot (or leave it out, with null); refused when the plan would break a rule",
      tags,
      access: ["organiser"],
      request: { params: z.strictObject({ id: params.shape.id, meeting: z.string().regex(/^[0-9a-f]{24}$|^proposal:[0-9a-f]{24}:[0-9a-f]{24}$/, "not a meeting key") }), query: noQuery, body: AdjustPlanBodySchema },
      responses: { 200: { description: "The adjusted plan", schema: SchedulePlanViewSchema } },
      handler: async ({ params: p, body }) => ({ body: await view(await adjustPlan(ctx, p.id, p.meeting, body.slot)) }),
    }),
    defineEndpoint({
      method: "post",
      path: "/scheduler/plans/:id/publish",
      summary: "Publish a draft: its meetings are booked and every company is notified (once per plan)",
      tags,
      access: ["organiser"],
      request: { params, query: noQuery, body: z.strictObject({}) },
      responses: { 200: { description: "The published plan with what was booked and what could not be", schema: SchedulePlanViewSchema } },
      handler: async ({ params: p, auth }) => ({ body: await view(await publishPlan(ctx, auth!.user, p.id)) }),
    }),
  ];
}
