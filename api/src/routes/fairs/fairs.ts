import { z } from "zod";
import { FairSetupSchema, FairSummarySchema, PlanTargetsSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import { presentFairSummary } from "../../presenters/fairSummary";
import { presentFairSetup } from "../../presenters/fairSetup";
import { FairsBySlugSchema, FairsCurrentSchema, FairsSetupSchema, FairsUpdateSchema } from "./schema";
import type { FairContext } from "../../commands/fairs/context";
import { currentFairOverview, fairOverviewBySlug, fairSetupBySlug, type FairOverview } from "../../commands/fairs/fairOverview";
import { setUpFair } from "../../commands/fairs/setUpFair";
import { planTargets } from "../../commands/fairs/planTargets";

const ReplannedSchema = FairSummarySchema.extend({
  /** Booked meetings the change displaced: moved to another slot, or cancelled when none was free (everyone told). */
  replanned: z.object({ moved: z.number().int(), cancelled: z.number().int() }),
});

const summary = ({ fair, counts, sessions }: FairOverview) => presentFairSummary(fair, counts, sessions);

export function fairEndpoints(ctx: FairContext) {
  const responses = { 200: { description: "The fair, its figures and its programme", schema: FairSummarySchema } };

  return [
    defineEndpoint({
      method: "get",
      path: "/fairs/current",
      summary: "The fair running now or next (public)",
      tags: ["fairs"],
      access: "public",
      request: FairsCurrentSchema,
      responses,
      handler: async () => ({ body: summary(await currentFairOverview(ctx)) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/current/targets",
      summary:
        "The current fair's progress towards the city plans' targets: Hanoi firms, those holding an international standard, technology makers from the US, EU, Japan and Korea (organisers)",
      tags: ["fairs"],
      access: ["organiser"],
      request: FairsCurrentSchema,
      responses: { 200: { description: "Counts and what they count", schema: PlanTargetsSchema } },
      handler: async () => ({ body: await planTargets(ctx) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/:slug/setup",
      summary: "A fair's whole set-up as PUT /fairs/:slug takes it, with its slug (organisers)",
      tags: ["fairs"],
      access: ["organiser"],
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
