import { z } from "zod";
import { LOCALES, SessionViewSchema, EmailSchema, InvitationAcceptSchema, ObjectIdSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { Repositories } from "../../repositories";
import type { RateLimits } from "../../http/rateLimits";
import { endSession, startSession, type CookiePolicy } from "../../auth/sessions";
import type { EventPublisher } from "../../services/events";
import { acceptInvitation, inviteUser } from "../../commands/invitations";

const noQuery = z.strictObject({});
const InviteBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("firm"), email: EmailSchema, role: z.enum(["domestic", "vendor"]), locale: z.enum(LOCALES).default("vi"), companyId: ObjectIdSchema }),
  z.strictObject({ kind: z.literal("colleague"), email: EmailSchema, locale: z.enum(LOCALES).default("vi") }),
]);
const AcceptBody = InvitationAcceptSchema;

export function invitationEndpoints(repos: Repositories, events: EventPublisher, limits: RateLimits, cookies: CookiePolicy, publicOrigin: string, now: () => Date) {
  return [
    defineEndpoint({
      method: "post",
      path: "/invitations",
      summary: "Invite by email: organisers invite a firm's owner, a firm's owner invites colleagues",
      tags: ["auth"],
      access: "signedIn",
      before: [limits.invitations],
      request: { query: noQuery, body: InviteBody },
      responses: { 202: { description: "The invitation is on its way" } },
      handler: async ({ auth, body }) => {
        await inviteUser(repos, auth!.user, body, publicOrigin, now());
        return { status: 202 };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/invitations/accept",
      summary: "Create the invited account (consent required) and sign in",
      tags: ["auth"],
      access: "public",
      before: [limits.acceptInvitation],
      request: { query: noQuery, body: AcceptBody },
      responses: { 201: { description: "Account created and signed in", schema: SessionViewSchema } },
      handler: async ({ body, res, auth }) => {
        const user = await acceptInvitation(repos, body, now());
        if (auth) await endSession(repos, events, auth.sessionHash);
        return { status: 201, body: await startSession(repos, res, cookies, user, now()) };
      },
    }),
  ];
}
