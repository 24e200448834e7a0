import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import type { Repositories } from "../../repositories";
import type { DirectoryService } from "../../services/directory";
import { clearSessionCookie, type CookiePolicy } from "../../auth/sessions";
import { deleteAccount, exportPersonalData, updateConsents } from "../../commands/personalData";
import type { EventPublisher } from "../../services/events";
import * as S from "./schema";

export function meEndpoints(repos: Repositories, directory: DirectoryService, events: EventPublisher, cookies: CookiePolicy, now: () => Date) {
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
        return { body: await exportPersonalData(repos, auth!.user, now()) };
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
        await deleteAccount(repos, directory, events, auth!.user, body.password, now());
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
        await updateConsents(repos, directory, auth!.user, body, now());
        return {};
      },
    }),
  ];
}
