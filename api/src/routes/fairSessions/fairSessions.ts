import { z } from "zod";
import { FairSessionRequestSchema, FairSessionViewSchema, ObjectIdSchema } from "@ketnoi/contracts";
import { presentFairSession } from "../../presenters/fairSession";
import { defineEndpoint } from "../../http/endpoint";
import type { CommandContext } from "../../commands/context";
import { addFairSession, changeFairSession, removeFairSession } from "../../commands/fairSessions/sessions";
import { registerForSession, withdrawFromSession } from "../../commands/fairSessions/registrations";
import { organiserScope } from "../organiserScope";

const params = z.strictObject({ id: ObjectIdSchema });
const noQuery = z.strictObject({});

/** Participants register their company for seminars and presentations; registered sessions block meetings then. */
export function fairSessionEndpoints(ctx: CommandContext) {
  const scope = organiserScope(ctx);
  return [
    defineEndpoint({
      method: "post",
      path: "/fair-sessions",
      summary: "Add a seminar, presentation, ceremony or matchmaking round to the current fair (organisers)",
      tags: ["fair sessions"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: { query: noQuery, body: FairSessionRequestSchema },
      responses: { 201: { description: "Created", schema: FairSessionViewSchema } },
      handler: async ({ body, locale, auth, event }) => ({
        status: 201,
        body: presentFairSession(await addFairSession(ctx, auth!.user, event, body, locale)),
      }),
    }),
    defineEndpoint({
      method: "patch",
      path: "/fair-sessions/:id",
      summary: "Change a fair session; capacity cannot drop below the firms registered (organisers)",
      tags: ["fair sessions"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: { params, query: noQuery, body: FairSessionRequestSchema.partial() },
      responses: { 200: { description: "Updated", schema: FairSessionViewSchema } },
      handler: async ({ params: p, body, locale, auth, event }) => ({
        body: presentFairSession(await changeFairSession(ctx, auth!.user, event, p.id, body, locale)),
      }),
    }),
    defineEndpoint({
      method: "delete",
      path: "/fair-sessions/:id",
      summary: "Remove a fair session and its registrations (organisers)",
      tags: ["fair sessions"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: { params, query: noQuery },
      responses: { 204: { description: "Removed" } },
      handler: async ({ params: p, auth, event }) => {
        await removeFairSession(ctx, auth!.user, event, p.id);
        return {};
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/fair-sessions/:id/registrations",
      summary: "Register my company for a fair session (capacity enforced); it then blocks meetings at that time",
      tags: ["fair sessions"],
      access: ["domestic", "vendor"],
      request: { params, query: noQuery, body: z.strictObject({}) },
      responses: { 201: { description: "Registered" }, 200: { description: "Was already registered" } },
      handler: async ({ params: p, auth }) => {
        const result = await registerForSession(ctx, auth!.user.companyId, p.id);
        return { status: result === "registered" ? 201 : 200, body: { registered: true } };
      },
    }),
    defineEndpoint({
      method: "delete",
      path: "/fair-sessions/:id/registrations",
      summary: "Withdraw my company from a fair session",
      tags: ["fair sessions"],
      access: ["domestic", "vendor"],
      request: { params, query: noQuery },
      responses: { 204: { description: "Withdrawn" } },
      handler: async ({ params: p, auth }) => {
        await withdrawFromSession(ctx, auth!.user.companyId, p.id);
        return {};
      },
    }),
  ];
}
