import { z } from "zod";
import { FairSetupSchema, FairSummarySchema, PlanTargetsSchema, type FairSetup } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import { notFound, validationFailed } from "../../errors";
import { checkFairSetup } from "../../domain/fairSetupRules";
import { presentFairSummary } from "../../presenters/fairSummary";
import type { Repositories } from "../../repositories";
import type { FairRecord } from "../../repositories/fairRepository";
import { FairsBySlugSchema, FairsCurrentSchema, FairsSetupSchema, FairsUpdateSchema } from "./schema";
import type { MeetingContext } from "../../commands/meetings/context";
import { carryBlockedSlots, replanAfterFairChange } from "../../commands/meetings/replanAfterFairChange";
import { planTargets } from "../../commands/planTargets";

const ReplannedSchema = FairSummarySchema.extend({
  /** Booked meetings the change displaced: moved to another slot, or cancelled when none was free (everyone told). */
  replanned: z.object({ moved: z.number().int(), cancelled: z.number().int() }),
});

/** Exactly the set-up's fields (the record also holds its id and timestamps). */
function presentFairSetup(f: FairRecord): FairSetup {
  const setup: FairSetup = {
    slug: f.slug,
    name: f.name,
    venue: f.venue,
    timeZone: f.timeZone,
    days: f.days,
    slotMinutes: f.slotMinutes,
    dailyHours: { start: f.dailyHours.start, end: f.dailyHours.end },
    breaks: f.breaks.map((b) => ({ start: b.start, end: b.end, ...(b.label ? { label: b.label } : {}) })),
    onsiteTables: f.onsiteTables,
    tableZones: f.tableZones.map((z) => ({ from: z.from, to: z.to, sector: z.sector })),
    onlineRoomsPerSlot: f.onlineRoomsPerSlot,
    countryPriorities: f.countryPriorities ?? {},
  };
  return setup;
}

export function fairEndpoints(repos: Repositories, now: () => Date, meetings: MeetingContext) {
  async function summary(fair: FairRecord | null) {
    if (!fair) throw notFound();
    const [counts, interpreters, sessions] = await Promise.all([
      repos.companies.countsForFair(fair.id),
      repos.interpreters.countForFair(fair.id),
      repos.fairSessions.listForFair(fair.id),
    ]);
    return { body: presentFairSummary(fair, { ...counts, interpreters }, sessions) };
  }
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
      handler: async () => summary(await repos.fairs.findCurrent(now())),
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/current/targets",
      summary: "The current fair's progress towards the city plans' targets: Hanoi firms, those holding an international standard, technology makers from the US, EU, Japan and Korea (organisers)",
      tags: ["fairs"],
      access: ["organiser"],
      request: FairsCurrentSchema,
      responses: { 200: { description: "Counts and what they count", schema: PlanTargetsSchema } },
      handler: async () => ({ body: await planTargets(repos, now()) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/fairs/:slug/setup",
      summary: "A fair's whole set-up as PUT /fairs/:slug takes it, with its slug (organisers)",
      tags: ["fairs"],
      access: ["organiser"],
      request: FairsSetupSchema,
      responses: { 200: { description: "The set-up", schema: FairSetupSchema } },
      handler: async ({ params }) => {
        const fair = await repos.fairs.findBySlug(params.slug);
        if (!fair) throw notFound();
        return { body: presentFairSetup(fair) };
      },
    }),
    defineEndpoint({
      method: "put",
      path: "/fairs/:slug",
      summary: "Set up a fair: days, slot length, hours and breaks, tables and zones, online rooms, programme weights (organisers); booked meetings it displaces are moved or cancelled with notice",
      tags: ["fairs"],
      access: ["organiser"],
      request: FairsUpdateSchema,
      responses: { 200: { description: "The fair, and what happened to displaced meetings", schema: ReplannedSchema } },
      handler: async ({ params, body, auth }) => {
        const fair = await repos.fairs.findBySlug(params.slug);
        if (!fair) throw notFound();
        const bad = checkFairSetup(body, await repos.taxonomy.list());
        if (Object.keys(bad).length) throw validationFailed(bad);
        const updated = await repos.fairs.upsertBySlug({ ...body, slug: params.slug });
        await carryBlockedSlots(meetings, fair, updated);
        const replanned = await replanAfterFairChange(meetings, updated, auth!.user.id);
        return { body: { ...(await summary(updated)).body, replanned } };
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
      handler: async ({ params }) => summary(await repos.fairs.findBySlug(params.slug)),
    }),
  ];
}
