import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import { ConsentRegisterSchema, presentConsentRegister, presentUsersCsv } from "../../presenters/userRegister";
import type { CommandContext } from "../../commands/context";
import { listUsers } from "../../commands/users/listUsers";

export function userEndpoints(ctx: CommandContext) {
  return [
    defineEndpoint({
      method: "get",
      path: "/users/export",
      summary: "All users as CSV: email, name, role, company, language, verification and consents (organisers)",
      tags: ["personal data"],
      access: ["organiser"],
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
      request: { query: z.strictObject({}) },
      responses: { 200: { description: "The register of consent", schema: ConsentRegisterSchema } },
      handler: async () => ({ body: presentConsentRegister(await listUsers(ctx)) }),
    }),
  ];
}
