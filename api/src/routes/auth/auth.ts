import { CurrentSessionSchema, SessionViewSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { RateLimits } from "../../http/rateLimits";
import { clearSessionCookie, setSessionCookie, type CookiePolicy } from "../../http/sessionCookie";
import { passwordLogin, type KetnoiPassport } from "../../http/passport";
import type { AccountContext } from "../../commands/auth/context";
import { signIn, signOut } from "../../commands/auth/signIn";
import { confirmRegistration, requestRegistration } from "../../commands/auth/registerFirm";
import { requestPasswordReset, resendVerificationEmail } from "../../commands/auth/emailTokens";
import { resetPassword, verifyEmail } from "../../commands/auth/resetPassword";
import { presentSession } from "../../presenters/session";
import * as S from "./schema";

export interface AuthRouteDeps {
  ctx: AccountContext;
  passport: KetnoiPassport;
  limits: RateLimits;
  cookies: CookiePolicy;
}

export function authEndpoints({ ctx, passport, limits, cookies }: AuthRouteDeps) {
  const session = { 200: { description: "The signed-in user and the CSRF token for writes", schema: SessionViewSchema } };
  return [
    defineEndpoint({
      method: "post",
      path: "/auth/login",
      summary: "Sign in with email and password; sets the session cookie",
      tags: ["auth"],
      access: "public",
      before: [limits.login],
      request: S.AuthLoginSchema,
      responses: session,
      handler: async ({ req, res, auth }) => {
        const signedIn = await signIn(ctx, await passwordLogin(passport, req, res), auth?.sessionHash);
        setSessionCookie(res, cookies, signedIn.token);
        return { body: presentSession(signedIn.user, signedIn.csrfToken) };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/auth/register",
      summary:
        "Register a firm and its owner (consent to personal-data processing required): always 202 with no body, whether or not the address has an account; a new address gets a link that finishes the registration, one with an account a note that someone tried",
      tags: ["auth"],
      access: "public",
      before: [limits.register],
      request: S.AuthRegisterSchema,
      responses: { 202: { description: "A mail is on its way to the address" } },
      handler: async ({ body }) => {
        await requestRegistration(ctx, body);
        return { status: 202 };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/auth/register/confirm",
      summary: "Finish a registration with the emailed link: creates the firm (awaiting approval) and its owner, address confirmed; signs in",
      tags: ["auth"],
      access: "public",
      before: [limits.registerConfirm],
      request: S.AuthRegisterConfirmSchema,
      responses: { 201: { description: "Registered and signed in; the firm awaits approval", schema: SessionViewSchema } },
      handler: async ({ body, res, auth }) => {
        const signedIn = await confirmRegistration(ctx, body.token, auth?.sessionHash);
        setSessionCookie(res, cookies, signedIn.token);
        return { status: 201, body: presentSession(signedIn.user, signedIn.csrfToken) };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/auth/session",
      summary: "The current session, or { user: null } when not signed in",
      tags: ["auth"],
      // Public: every page asks this at start, and a signed-out visitor's answer must not be an error.
      access: "public",
      request: S.AuthSessionSchema,
      responses: { 200: { description: "The signed-in user and the CSRF token for writes, or { user: null }", schema: CurrentSessionSchema } },
      handler: async ({ auth }) => ({ body: auth ? presentSession(auth.user, auth.csrfToken) : { user: null } }),
    }),
    defineEndpoint({
      method: "post",
      path: "/auth/logout",
      summary: "Sign out: the session is deleted server-side and its realtime sockets are closed",
      tags: ["auth"],
      access: "signedIn",
      request: S.AuthLogoutSchema,
      responses: { 204: { description: "Signed out" } },
      handler: async ({ auth, res }) => {
        await signOut(ctx, auth!.sessionHash);
        clearSessionCookie(res, cookies);
        return {};
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/auth/password-reset",
      summary: "Email a password-reset link (always 202, whether or not the email exists)",
      tags: ["auth"],
      access: "public",
      before: [limits.passwordReset],
      request: S.AuthPasswordResetSchema,
      responses: { 202: { description: "If the account exists, a link is on its way" } },
      handler: async ({ body }) => {
        await requestPasswordReset(ctx, body.email);
        return { status: 202 };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/auth/password-reset/confirm",
      summary: "Set a new password with a reset token; ends every session of the account",
      tags: ["auth"],
      access: "public",
      before: [limits.passwordResetConfirm],
      request: S.AuthPasswordResetConfirmSchema,
      responses: { 204: { description: "Password changed" } },
      handler: async ({ body }) => {
        await resetPassword(ctx, body.token, body.password);
        return {};
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/auth/verify-email",
      summary: "Confirm an email address with the emailed token",
      tags: ["auth"],
      access: "public",
      request: S.AuthVerifyEmailSchema,
      responses: { 204: { description: "Email confirmed" } },
      handler: async ({ body }) => {
        await verifyEmail(ctx, body.token);
        return {};
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/auth/verify-email/resend",
      summary: "Send a new email-verification link to the signed-in user",
      tags: ["auth"],
      access: "signedIn",
      before: [limits.verificationResend],
      request: S.AuthResendVerificationSchema,
      responses: { 202: { description: "A new link is on its way" } },
      handler: async ({ auth }) => {
        await resendVerificationEmail(ctx, auth!.user);
        return { status: 202 };
      },
    }),
  ];
}
