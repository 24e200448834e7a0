import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import { ConsentRegisterSchema, presentConsentRegister, presentUsersCsv } from "../../presenters/userRegister";
import type { CommandContext } from "../../commands/context";
import { listUsers } from "../../commands/users/listUsers";
import { EventScopesBodySchema, ObjectIdSchema, OrganiserScopeSchema } from "@ketnoi/contracts";
import { listOrganiserScopes, setOrganiserScopes } from "../../commands/organisers/eventScopes";
import { presentOrganiserScope } from "../../presenters/organiserScope";
import { organiserScope } from "../organiserScope";

export function userEndpoints(ctx: CommandContext) {
  // Every account's personal data spans every event: organisers of the whole programme only.
  const scope = organiserScope(ctx);
  return [
    defineEndpoint({
      method: "get",
      path: "/users/export",
      summary: "All users as CSV: email, name, role, company, language, verification and consents (organisers)",
      tags: ["personal data"],
      access: ["organiser"],
      before: [scope.programme],
      request: { query: z.strictObject({}) },
      responses: { 200: { description: "text/csv" } },
      handler: async () => ({ csv: { filename: "ketnoi-users.csv", text: presentUsersCsv(await listUsers(ctx)) } }),
    }),
    defineEndpoint({
      method: "get",
      path: "/users/consents",
      summary: "Who consented to what and when (organisers)",
      tags: ["personal data"],
      access: ["organiser"],
      before: [scope.programme],
      request: { query: z.strictObject({}) },
      responses: { 200: { description: "The register of consent", schema: ConsentRegisterSchema } },
      handler: async () => ({ body: presentConsentRegister(await listUsers(ctx)) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/users/organisers",
      summary: "Every organiser and the events they organise: all, or some (organisers of the whole programme)",
      tags: ["users"],
      access: ["organiser"],
      before: [scope.programme],
      request: { query: z.strictObject({}) },
      responses: { 200: { description: "The organisers", schema: z.object({ data: z.array(OrganiserScopeSchema) }) } },
      handler: async ({ auth }) => ({ body: { data: (await listOrganiserScopes(ctx, auth!.user)).map(presentOrganiserScope) } }),
    }),
    defineEndpoint({
      method: "put",
      path: "/users/:id/event-scopes",
      summary:
        "Set which events another organiser organises: all, or some by short name, e.g. a partner agency's desk and the delegation it brings (organisers of the whole programme)",
      tags: ["users"],
      access: ["organiser"],
      before: [scope.programme],
      request: { params: z.strictObject({ id: ObjectIdSchema }), body: EventScopesBodySchema },
      responses: { 200: { description: "The organiser and their events", schema: OrganiserScopeSchema } },
      handler: async ({ params, body, auth }) => ({
        body: presentOrganiserScope(await setOrganiserScopes(ctx, auth!.user, params.id, body.events)),
      }),
    }),
  ];
}
