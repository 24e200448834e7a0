import { z } from "zod";
import { SessionViewSchema, InvitationAcceptSchema, InvitationRequestSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { RateLimits } from "../../http/rateLimits";
import { setSessionCookie, type CookiePolicy } from "../../http/sessionCookie";
import type { AccountContext } from "../../commands/auth/context";
import { acceptInvitation, inviteUser } from "../../commands/invitations/invitations";
import { presentSession } from "../../presenters/session";

const noQuery = z.strictObject({});

export function invitationEndpoints(ctx: AccountContext, limits: RateLimits, cookies: CookiePolicy) {
  return [
    defineEndpoint({
      method: "post",
      path: "/invitations",
      summary: "Invite by email: organisers invite a firm's owner, a firm's owner invites colleagues",
      tags: ["auth"],
      access: "signedIn",
      before: [limits.invitations],
      request: { query: noQuery, body: InvitationRequestSchema },
      responses: { 202: { description: "The invitation is on its way" } },
      handler: async ({ auth, body }) => {
        await inviteUser(ctx, auth!.user, body);
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
      request: { query: noQuery, body: InvitationAcceptSchema },
      responses: { 201: { description: "Account created and signed in", schema: SessionViewSchema } },
      handler: async ({ body, res, auth }) => {
        const signedIn = await acceptInvitation(ctx, body, auth?.sessionHash);
        setSessionCookie(res, cookies, signedIn.token);
        return { status: 201, body: presentSession(signedIn.user, signedIn.csrfToken) };
      },
    }),
  ];
}
