import { z } from "zod";
import { USER_ROLES } from "./auth";
import { ObjectIdSchema } from "./objectId";

/** A badge code: 16 random bytes in base64url (22 characters), what `<origin>/badge/<code>` on a printed badge holds. */
export const BadgeCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** A participant's own badge: its code and the URL its QR code holds. */
export const BadgeViewSchema = z.object({ code: BadgeCodeSchema, url: z.url() });
export type BadgeView = z.infer<typeof BadgeViewSchema>;

/** A6: one badge per page (badge printers, A6 card stock); A4: four A6 badges per sheet with cut marks (office printers). */
export const BADGE_LAYOUTS = ["a6", "a4"] as const;
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number];

/** Which of the current fair's badges to print: all of them, one role's, or one firm's. */
export const FairBadgesQuerySchema = z.strictObject({
  layout: z.enum(BADGE_LAYOUTS).default("a4"),
  role: z.enum(USER_ROLES).optional(),
  companyId: ObjectIdSchema.optional(),
});
export type FairBadgesQuery = z.infer<typeof FairBadgesQuerySchema>;

/** One's own badge as a PDF. */
export const MyBadgeQuerySchema = z.strictObject({ layout: z.enum(BADGE_LAYOUTS).default("a6") });
