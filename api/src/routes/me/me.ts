import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import { clearSessionCookie, type CookiePolicy } from "../../http/sessionCookie";
import type { AccountContext } from "../../commands/auth/context";
import { exportPersonalData } from "../../commands/personalData/exportPersonalData";
import { deleteAccount } from "../../commands/personalData/deleteAccount";
import { updateConsents } from "../../commands/personalData/updateConsents";
import { presentPersonalData } from "../../presenters/personalData";
import * as S from "./schema";

export function meEndpoints(ctx: AccountContext, cookies: CookiePolicy) {
  return [
    defineEndpoint({
      method: "get",
      path: "/me/data",
      summary: "Download everything Ketnoi holds about me (JSON)",
      tags: ["personal data"],
      access: "signedIn",
      request: S.MeDataSchema,
      responses: { 200: { description: "My data", schema: z.object({ exportedAt: z.string() }).loose() } },
      handler: async ({ auth, res }) => {
        res.attachment("ketnoi-my-data.json");
        return { body: presentPersonalData(await exportPersonalData(ctx, auth!.user)) };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/me/delete",
      summary: "Delete my account and personal data (password required; wrong passwords count towards the sign-in lockout)",
      tags: ["personal data"],
      access: "signedIn",
      request: S.MeDeleteSchema,
      responses: { 204: { description: "Deleted and signed out" } },
      handler: async ({ auth, body, res }) => {
        await deleteAccount(ctx, auth!.user, body.password);
        clearSessionCookie(res, cookies);
        return {};
      },
    }),
    defineEndpoint({
      method: "patch",
      path: "/me/consents",
      summary: "Grant or withdraw my optional consents (a firm owner's profile sharing lists or unlists the firm)",
      tags: ["personal data"],
      access: "signedIn",
      request: S.MeConsentsSchema,
      responses: { 204: { description: "Updated" } },
      handler: async ({ auth, body }) => {
        await updateConsents(ctx, auth!.user, body);
        return {};
      },
    }),
  ];
}
