import { z } from "zod";
import {
  AdjustPlanBodySchema,
  AdjustPlanResultSchema,
  OBJECT_ID_HEX,
  ObjectIdSchema,
  PlanSlotOptionsSchema,
  RunSchedulerBodySchema,
  SchedulePlanSummarySchema,
  SchedulePlanViewSchema,
  type Locale,
} from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { SchedulerContext } from "../../commands/scheduler/context";
import { findPlan, planNames, type SchedulePlan } from "../../commands/scheduler/planView";
import { runScheduler, type Proposal } from "../../commands/scheduler/runScheduler";
import { adjustPlan } from "../../commands/scheduler/adjustPlan";
import { publishPlan } from "../../commands/scheduler/publishPlan";
import { listPlans } from "../../commands/scheduler/listPlans";
import { planSlotOptions } from "../../commands/scheduler/planSlots";
import { presentPlanSlotOptions, presentSchedulePlan, presentSchedulePlanSummary } from "../../presenters/schedulePlan";
import { organiserScope } from "../organiserScope";

const params = z.strictObject({ id: ObjectIdSchema });
/** A plan's meeting: a booked meeting's id, or a proposal's "proposal:<company id>:<company id>". */
const MEETING_KEY = new RegExp(`^${OBJECT_ID_HEX}$|^proposal:${OBJECT_ID_HEX}:${OBJECT_ID_HEX}$`);
const noQuery = z.strictObject({});
const tags = ["scheduler"];

/** The organiser's auto-scheduler: run (a draft), review, adjust by hand, publish. Organisers only. */
export function schedulerEndpoints(ctx: SchedulerContext, proposalsFor: (fairId: string, perCompany: number) => Promise<Proposal[]>) {
  const scope = organiserScope(ctx);
  /** The plan with its firms named for the reader. */
  const view = async (plan: SchedulePlan, locale: Locale) => presentSchedulePlan(plan, await planNames(ctx, locale)(plan));
  const meetingParams = z.strictObject({ id: params.shape.id, meeting: z.string().regex(MEETING_KEY, "not a meeting key") });
  return [
    defineEndpoint({
      method: "post",
      path: "/scheduler/plans",
      summary:
        "Run the auto-scheduler over the current fair: a draft plan with its value, proven upper bound, breaks and the first-fit baseline; with replan, the booked meetings are re-planned around what changed, moving as few as possible, and the draft lists what would move, be cancelled or be newly placed",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { query: noQuery, body: RunSchedulerBodySchema },
      responses: { 201: { description: "The draft plan", schema: SchedulePlanViewSchema } },
      handler: async ({ body, auth, locale, event }) => {
        const perCompany = body.proposalsPerCompany;
        const options = {
          timeLimitMs: body.timeLimitSeconds * 1000,
          proposals: async (fairId: string) => (perCompany ? proposalsFor(fairId, perCompany) : []),
          interpreterMaxRun: body.interpreterMaxRun,
          replan: body.replan,
          placeRequests: body.placeRequests,
          ...(body.maxMeetingsPerCompany ? { maxMeetingsPerCompany: body.maxMeetingsPerCompany } : {}),
        };
        return { status: 201, body: await view(await runScheduler(ctx, auth!.user, event, options), locale) };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/scheduler/plans",
      summary: "The current fair's plans, drafts and published, newest first, with their figures",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { query: noQuery },
      responses: { 200: { description: "The plans", schema: z.array(SchedulePlanSummarySchema) } },
      handler: async ({ auth, event }) => ({ body: (await listPlans(ctx, auth!.user, event)).map(presentSchedulePlanSummary) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/scheduler/plans/:id",
      summary: "A plan: every meeting's slot, mode and interpreter, and why each left-out one was left out",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { params, query: noQuery },
      responses: { 200: { description: "The plan", schema: SchedulePlanViewSchema } },
      handler: async ({ params: p, locale }) => ({ body: await view(await findPlan(ctx, p.id), locale) }),
    }),
    defineEndpoint({
      method: "put",
      path: "/scheduler/plans/:id/meetings/:meeting",
      summary: "Move one meeting of a draft to another slot (or leave it out, with null); refused when the plan would break a rule",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { params: meetingParams, query: noQuery, body: AdjustPlanBodySchema },
      responses: {
        200: {
          description: "The plan and what changed: moved, left out, or unchanged (the meeting was in that slot already)",
          schema: AdjustPlanResultSchema,
        },
      },
      handler: async ({ params: p, body, locale }) => {
        const { plan, change } = await adjustPlan(ctx, p.id, p.meeting, body.slot, planNames(ctx, locale));
        return { body: { ...(await view(plan, locale)), change } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/scheduler/plans/:id/meetings/:meeting/slots",
      summary:
        "Where one meeting of a draft could move: every slot, feasible (with the mode, interpreter and table it would get) or why not (a firm busy or unavailable, no table or room, no interpreter free, an interpreter's run too long)",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { params: meetingParams, query: noQuery },
      responses: { 200: { description: "The slots", schema: PlanSlotOptionsSchema } },
      handler: async ({ params: p, locale }) => {
        const { plan, current, options } = await planSlotOptions(ctx, p.id, p.meeting);
        return { body: presentPlanSlotOptions(plan, p.meeting, current, options, await planNames(ctx, locale)(plan)) };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/scheduler/plans/:id/publish",
      summary:
        "Publish a draft: its meetings are booked (a re-plan's booked meetings moved or cancelled first) and every company concerned is notified (once per plan)",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { params, query: noQuery, body: z.strictObject({}) },
      responses: { 200: { description: "The published plan with what was booked and what could not be", schema: SchedulePlanViewSchema } },
      handler: async ({ params: p, auth, locale }) => ({ body: await view(await publishPlan(ctx, auth!.user, p.id), locale) }),
    }),
  ];
}
