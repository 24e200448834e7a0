import { z } from "zod";
import { LOCALES } from "./locales";
import { isValidTaxCode } from "./taxCode";
import { TimeZoneSchema } from "./profileFields";
import { ObjectIdSchema } from "./objectId";

export const USER_ROLES = ["organiser", "domestic", "vendor", "interpreter"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const EmailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
/** Long passphrases welcome; argon2id hashes whatever is typed. */
export const PasswordSchema = z.string().min(10).max(200);

export const LoginBodySchema = z.strictObject({ email: EmailSchema, password: z.string().min(1).max(200) });

/** Self-registration of a firm's first member (its owner); the firm waits for an organiser's approval. */
export const RegisterBodySchema = z
  .strictObject({
    email: EmailSchema,
    password: PasswordSchema,
    name: z.string().trim().min(2).max(120),
    role: z.enum(["domestic", "vendor"]),
    locale: z.enum(LOCALES).default("vi"),
    timeZone: TimeZoneSchema.default("Asia/Ho_Chi_Minh"),
    company: z.strictObject({
      legalName: z.string().trim().min(2).max(200),
      englishName: z.string().trim().min(2).max(200).optional(),
      taxCode: z.string().trim().refine(isValidTaxCode, "invalid Vietnamese tax code").optional(),
      country: z.string().regex(/^[A-Z]{2}$/),
      district: z.string().trim().max(80).optional(),
    }),
    consents: z.strictObject({
      /** Required: terms of use and processing of personal data (Decree 13/2023/ND-CP). */
      personalData: z.literal(true),
      /** Optional: the profile may be shown to other participants and in the public directory. */
      profileSharing: z.boolean().default(false),
      marketing: z.boolean().default(false),
    }),
  })
  .superRefine((body, ctx) => {
    if (body.role === "domestic" && body.company.country !== "VN")
      ctx.addIssue({ code: "custom", path: ["company", "country"], message: "a domestic firm is in Vietnam (VN)" });
    if (body.role === "domestic" && !body.company.taxCode)
      ctx.addIssue({ code: "custom", path: ["company", "taxCode"], message: "required for a Vietnamese firm" });
    if (body.role === "vendor" && body.company.country === "VN")
      ctx.addIssue({ code: "custom", path: ["company", "country"], message: "a foreign vendor is outside Vietnam" });
  });
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });
export const PasswordResetConfirmSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/), password: PasswordSchema });
export const VerifyEmailSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/) });
/** The link that finishes a registration (POST /api/auth/register answers alike for every address and mails it). */
export const RegisterConfirmSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/) });
/** Accepting an invitation: the account the invited person creates (the address is the invitation's). */
export const InvitationAcceptSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/),
  name: z.string().trim().min(2).max(120),
  password: PasswordSchema,
  locale: z.enum(LOCALES).default("vi"),
  timeZone: TimeZoneSchema.default("Asia/Ho_Chi_Minh"),
  consents: z.strictObject({ personalData: z.literal(true), profileSharing: z.boolean().default(false), marketing: z.boolean().default(false) }),
});
export type InvitationAccept = z.output<typeof InvitationAcceptSchema>;
/** POST /api/invitations: organisers invite a firm's first member (its owner), a firm's owner invites a colleague. */
export const InvitationRequestSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("firm"),
    email: EmailSchema,
    role: z.enum(["domestic", "vendor"]),
    locale: z.enum(LOCALES).default("vi"),
    companyId: ObjectIdSchema,
  }),
  z.strictObject({ kind: z.literal("colleague"), email: EmailSchema, locale: z.enum(LOCALES).default("vi") }),
]);
export type InvitationRequest = z.output<typeof InvitationRequestSchema>;

export const SessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  companyId: z.string().optional(),
  /** A firm's owner invites colleagues (the menu offers the team page to owners). */
  companyRole: z.enum(["owner", "member"]).optional(),
  locale: z.enum(LOCALES),
  timeZone: z.string(),
  emailVerified: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** What the client gets after login and from GET /api/auth/session: who, and the CSRF token to send. */
export const SessionViewSchema = z.object({ user: SessionUserSchema, csrfToken: z.string() });
export type SessionView = z.infer<typeof SessionViewSchema>;
/**
 * GET /api/auth/session: the session, or `{ user: null }` for a visitor who is not signed in (a 200,
 * not a 401: asking "who am I?" is not an error, and a browser logs every failed request).
 */
export const CurrentSessionSchema = z.union([SessionViewSchema, z.object({ user: z.null() })]);
export type CurrentSession = z.infer<typeof CurrentSessionSchema>;

/** POST /api/me/delete: the account's password, entered again. */
export const AccountDeleteBodySchema = z.strictObject({ password: z.string().min(1).max(200) });
/**
 * The consents a user may give or withdraw at any time (personalData is given once, at registration).
 * exhibitorContact: firms whose staff scan my badge at their booth also get my e-mail address (off
 * until given; a scan itself shares my name, role, firm and its country).
 */
export const OPTIONAL_CONSENTS = ["profileSharing", "marketing", "exhibitorContact"] as const;
export type OptionalConsent = (typeof OPTIONAL_CONSENTS)[number];
/** PATCH /api/me/consents: the optional consents to grant (true) or withdraw (false). */
export const ConsentsBodySchema = z
  .strictObject(Object.fromEntries(OPTIONAL_CONSENTS.map((c) => [c, z.boolean().optional()])) as Record<OptionalConsent, z.ZodOptional<z.ZodBoolean>>)
  .refine((b) => Object.keys(b).length > 0, "nothing to change");
