import { z } from "zod";
import {
  EventRegistrationRowSchema,
  EventRegistrationSchema,
  EventSummarySchema,
  FairSetupSchema,
  FairSummarySchema,
  PlanTargetsSchema,
} from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import { presentFairSummary } from "../../presenters/fairSummary";
import { presentFairSetup } from "../../presenters/fairSetup";
import {
  FairsApproveRegistrationSchema,
  FairsBySlugSchema,
  FairsCopySchema,
  FairsCurrentSchema,
  FairsJoinSchema,
  FairsListSchema,
  FairsRegistrationsSchema,
  FairsSetupSchema,
  FairsUpdateSchema,
} from "./schema";
import { approveRegistration, eventRegistrations, joinEvent, listEvents } from "../../commands/fairs/events";
import { copyEvent } from "../../commands/fairs/copyEvent";
import { presentEventSummary, presentRegistration, presentRegistrationRow } from "../../presenters/event";
import type { FairContext } from "../../commands/fairs/context";
import { currentFairOverview, fairOverviewBySlug, fairSetupBySlug, type FairOverview } from "../../commands/fairs/fairOverview";
import { setUpFair } from "../../commands/fairs/setUpFair";
import { planTargets } from "../../commands/fairs/planTargets";
import { organiserScope } from "../organiserScope";

const ReplannedSchema = FairSummarySchema.extend({
  /** Booked meetings the change displaced: moved to another slot, or cancelled when none was free (everyone told). */
  replanned: z.object({ moved: z.number().int(), cancelled: z.number().int() }),
});

const summary = ({ fair, counts, sessions }: FairOverview) => presentFairSummary(fair, counts, sessions);

export function fairEndpoints(ctx: FairContext) {
  const scope = organiserScope(ctx);
  const responses = { 200: { description: "The fair, its figures and its programme", schema: FairSummarySchema } };

  return [
    defineEndpoint({
      method: "get",
      path: "/fairs",
      summary: "The programme's events: running and upcoming soonest first, then past ones (public; a firm sees its registrations)",
      tags: ["fairs"],
      access: "public",
      request: FairsListSchema,
      responses: { 200: { description: "The events", schema: z.object({ data: z.array(EventSummarySchema) }) } },
      handler: async ({ auth }) => ({ body: { data: (await listEvents(ctx, auth?.user)).map(presentEventSummary) } }),
    }),
    defineEndpoint({
      method: "post",
      path: "/fairs/:slug/registrations",
      summary: "The caller's firm joins an event with one click (approved at once unless the event requires an organiser's approval)",
      tags: ["fairs"],
      access: ["domestic", "vendor"],
      request: FairsJoinSchema,
      responses: {
        201: { description: "Registered", schema: EventRegistrationSchema },
        200: { description: "Registered before: that registration", schema: EventRegistrationSchema },
      },
      handler: async ({ params, body, auth }) => {
        const { registration, created } = await joinEvent(ctx, auth!.user, params.slug, body.participation);
        return { status: created ? 201 : 200, body: presentRegistration(registration) };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/:slug/registrations",
      summary: "The firms registered for an event, waiting ones first, with the events each took part in before (organisers)",
      tags: ["fairs"],
      access: ["organiser"],
      before: [scope.event],
      request: FairsRegistrationsSchema,
      responses: { 200: { description: "The registrations", schema: z.object({ data: z.array(EventRegistrationRowSchema) }) } },
      handler: async ({ params }) => ({ body: { data: (await eventRegistrations(ctx, params.slug)).map(presentRegistrationRow) } }),
    }),
    defineEndpoint({
      method: "post",
      path: "/fairs/:slug/registrations/:companyId/approve",
      summary: "Approve a firm's registration for an event (organisers)",
      tags: ["fairs"],
      access: ["organiser"],
      before: [scope.event],
      request: FairsApproveRegistrationSchema,
      responses: { 204: { description: "Approved" } },
      handler: async ({ params }) => {
        await approveRegistration(ctx, params.slug, params.companyId);
        return {};
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/fairs/:slug/copy",
      summary: "Start a new event from this one's set-up and programme, on new days (organisers)",
      tags: ["fairs"],
      access: ["organiser"],
      before: [scope.event],
      request: FairsCopySchema,
      responses: { 201: { description: "The new event", schema: FairSetupSchema } },
      handler: async ({ params, body, auth }) => ({
        status: 201,
        body: presentFairSetup((await copyEvent(ctx, auth!.user, params.slug, body)).fair),
      }),
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/current",
      summary: "The event in context: the one named by X-Ketnoi-Event, else the caller's firm's own, else the fair running now or next (public)",
      tags: ["fairs"],
      access: "public",
      request: FairsCurrentSchema,
      responses,
      handler: async ({ auth, event }) => ({ body: summary(await currentFairOverview(ctx, auth?.user, event)) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/current/targets",
      summary:
        "The current fair's progress towards the city plans' targets: Hanoi firms, those holding an international standard, technology makers from the US, EU, Japan and Korea (organisers)",
      tags: ["fairs"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: FairsCurrentSchema,
      responses: { 200: { description: "Counts and what they count", schema: PlanTargetsSchema } },
      handler: async ({ auth, event }) => ({ body: await planTargets(ctx, auth!.user, event) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/:slug/setup",
      summary: "A fair's whole set-up as PUT /fairs/:slug takes it, with its slug (organisers)",
      tags: ["fairs"],
      access: ["organiser"],
      before: [scope.event],
      request: FairsSetupSchema,
      responses: { 200: { description: "The set-up", schema: FairSetupSchema } },
      handler: async ({ params }) => ({ body: presentFairSetup(await fairSetupBySlug(ctx, params.slug)) }),
    }),
    defineEndpoint({
      method: "put",
      path: "/fairs/:slug",
      summary:
        "Set up a fair: days, slot length, hours and breaks, tables and zones, online rooms, programme weights (organisers); booked meetings it displaces are moved or cancelled with notice",
      tags: ["fairs"],
      access: ["organiser"],
      before: [scope.event],
      request: FairsUpdateSchema,
      responses: { 200: { description: "The fair, and what happened to displaced meetings", schema: ReplannedSchema } },
      handler: async ({ params, body, auth }) => {
        const { replanned, ...overview } = await setUpFair(ctx, params.slug, body, auth!.user.id);
        return { body: { ...summary(overview), replanned } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/:slug",
      summary: "A fair by its slug (public)",
      tags: ["fairs"],
      access: "public",
      request: FairsBySlugSchema,
      responses,
      handler: async ({ params }) => ({ body: summary(await fairOverviewBySlug(ctx, params.slug)) }),
    }),
  ];
}
