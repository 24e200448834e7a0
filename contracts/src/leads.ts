import { z } from "zod";
import { ObjectIdSchema } from "./objectId";
import { USER_ROLES } from "./auth";

/**
 * Lead capture at the booths: a firm's staff scan a visitor's badge (its QR holds
 * `<origin>/badge/<code>`), the firm keeps a lead with a note, a rating and follow-up tags. Scanning
 * records the visitor's consent to share their contact with that firm (Decree 13/2023/ND-CP); the
 * visitor sees who scanned them and withdraws.
 */

const BADGE_CODE = /^[A-Za-z0-9_-]{22}$/;
const BADGE_URL = /\/badge\/([A-Za-z0-9_-]{22})\/?(?:[?#].*)?$/;

/** The badge code in what a scanner read: the code itself or a badge's URL (any origin: the code is what counts); null when it is neither. */
export function badgeCodeFrom(text: string): string | null {
  const trimmed = text.trim();
  if (BADGE_CODE.test(trimmed)) return trimmed;
  return BADGE_URL.exec(trimmed)?.[1] ?? null;
}

/**
 * The follow-up tags every firm has (exports write these codes, so a CRM import can map them); a
 * firm may add its own words as tags too.
 */
export const LEAD_TAGS = ["send_quotation", "send_samples", "send_catalogue", "call_back", "book_meeting", "nda"] as const;
export type LeadTag = (typeof LEAD_TAGS)[number];
export const isLeadTag = (tag: string): tag is LeadTag => (LEAD_TAGS as readonly string[]).includes(tag);

/** What the firm's staff write about a lead; each left out is left as it is (a rating of null clears it). */
export const LeadFieldsSchema = z.strictObject({
  note: z.string().max(2000).optional(),
  rating: z.number().int().min(1).max(5).nullable().optional(),
  tags: z
    .array(z.string().trim().min(1).max(40))
    .max(12)
    .transform((tags) => [...new Set(tags)])
    .optional(),
});
export type LeadFields = z.infer<typeof LeadFieldsSchema>;

/**
 * One scan as the device queued it: its own id (the answer names it), what was read, when (the
 * device's clock), and what the staff wrote. An edit made offline travels the same way, with the
 * time of the scan it edits: it never counts as a new scan.
 */
export const LeadScanSchema = LeadFieldsSchema.extend({
  scanId: z.string().min(1).max(64),
  badge: z.string().min(1).max(500),
  scannedAt: z.iso.datetime({ offset: true }),
});
export type LeadScan = z.infer<typeof LeadScanSchema>;

/** POST /api/leads/sync: a device's queued scans, in one batch. */
export const LeadSyncBodySchema = z.strictObject({ scans: z.array(LeadScanSchema).min(1).max(200) });
export type LeadSyncBody = z.infer<typeof LeadSyncBodySchema>;

/** Why a scan was not recorded (each worded in the caller's language in `message`). */
export const LEAD_REFUSALS = ["leadUnknownBadge", "leadOwnFirm", "leadFutureScan", "leadWithdrawn"] as const;
export type LeadRefusal = (typeof LEAD_REFUSALS)[number];

/**
 * A lead as the firm sees it. The visitor's name, role, firm and its country are what a scan
 * shares; the e-mail address only while the visitor lets exhibitors who scan them have it (the
 * `exhibitorContact` consent on their account page).
 */
export const LeadViewSchema = z.object({
  id: ObjectIdSchema,
  /** The visitor's badge code: an edit queued offline names its lead by it. */
  badge: z.string(),
  visitor: z.object({
    name: z.string(),
    role: z.enum(USER_ROLES),
    company: z.object({ name: z.string(), country: z.string() }).nullable(),
    email: z.string().optional(),
  }),
  /** Who of the firm scanned last (null once that account is gone). */
  scannedBy: z.object({ name: z.string() }).nullable(),
  scannedAt: z.string(),
  note: z.string(),
  rating: z.number().int().min(1).max(5).nullable(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
});
export type LeadView = z.infer<typeof LeadViewSchema>;

export const LeadListSchema = z.object({ data: z.array(LeadViewSchema) });

export const LeadSyncResultSchema = z.object({
  results: z.array(
    z.object({
      scanId: z.string(),
      status: z.enum(["recorded", "updated", "refused"]),
      reason: z.enum(LEAD_REFUSALS).optional(),
      /** The reason in the caller's language. */
      message: z.string().optional(),
      lead: LeadViewSchema.optional(),
    }),
  ),
});
export type LeadSyncResult = z.infer<typeof LeadSyncResultSchema>;

/** A firm that scanned my badge, as I (the visitor) see it: which firm and when. */
export const BadgeScanViewSchema = z.object({
  id: ObjectIdSchema,
  company: z.object({ id: ObjectIdSchema, name: z.string(), country: z.string() }),
  scannedAt: z.string(),
});
export type BadgeScanView = z.infer<typeof BadgeScanViewSchema>;
export const BadgeScanListSchema = z.object({ data: z.array(BadgeScanViewSchema) });
