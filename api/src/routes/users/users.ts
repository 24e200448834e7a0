import { z } from "zod";
import { stringifyForSpreadsheet } from "../../domain/csvCells";
import { defineEndpoint } from "../../http/endpoint";
import type { Repositories } from "../../repositories";

const ConsentRegister = z.object({
  data: z.array(z.object({ email: z.string(), name: z.string(), role: z.string(), consents: z.array(z.object({ purpose: z.string(), grantedAt: z.string() })) })),
});

export function userEndpoints(repos: Repositories) {
  return [
    defineEndpoint({
      method: "get",
      path: "/users/export",
      summary: "All users as CSV: email, name, role, company, language, verification and consents (organisers)",
      tags: ["personal data"],
      access: ["organiser"],
      request: { query: z.strictObject({}) },
      responses: { 200: { description: "text/csv" } },
      handler: async () => {
        const users = await repos.users.listAll();
        const text = stringifyForSpreadsheet(
          users.map((u) => ({
            email: u.email,
            name: u.name,
            role: u.role,
            company_id: u.companyId ?? "",
            company_role: u.companyRole ?? "",
            locale: u.locale,
            time_zone: u.timeZone,
            email_verified: u.emailVerifiedAt ? u.emailVerifiedAt.toISOString() : "",
            consents: u.consents.map((c) => `${c.purpose}@${c.grantedAt.toISOString()}`).join(";"),
          })),
          { header: true, bom: true },
        );
        return { csv: { filename: "ketnoi-users.csv", text } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/users/consents",
      summary: "Who consented to what and when (organisers)",
      tags: ["personal data"],
      access: ["organiser"],
      request: { query: z.strictObject({}) },
      responses: { 200: { description: "The register of consent", schema: ConsentRegister } },
      handler: async () => ({
        body: {
          data: (await repos.users.listAll()).map((u) => ({
            email: u.email,
            name: u.name,
            role: u.role,
            consents: u.consents.map((c) => ({ purpose: c.purpose, grantedAt: c.grantedAt.toISOString() })),
          })),
        },
      }),
    }),
  ];
}
