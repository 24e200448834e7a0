import { z } from "zod";
import { EVENT_KINDS } from "./company";
import { LocalizedTextSchema } from "./taxonomy";
import { MEETING_OUTCOMES } from "./meeting";

const slug = z.string().regex(/^[a-z0-9-]{3,64}$/);

/** A firm's registration for one event: waiting for an organiser, or approved; onsite or remote there. */
export const EventRegistrationSchema = z.object({
  status: z.enum(["pending", "approved"]),
  participation: z.enum(["onsite", "remote"]),
  registeredAt: z.iso.datetime(),
});
export type EventRegistration = z.infer<typeof EventRegistrationSchema>;

/**
 * GET /api/fairs: an event of the programme as anyone sees it in the list (upcoming first, then past,
 * which stay browsable); signed-in firms also see their own registration.
 */
export const EventSummarySchema = z.object({
  /** What a meeting names its event by (MeetingView.eventId). */
  id: z.string(),
  slug,
  name: LocalizedTextSchema,
  venue: LocalizedTextSchema,
  kind: z.enum(EVENT_KINDS),
  timeZone: z.string(),
  days: z.array(z.iso.date()),
  requiresApproval: z.boolean(),
  /** Firms approved for it. */
  firms: z.number().int(),
  when: z.enum(["upcoming", "running", "past"]),
  /** The caller's firm's registration (absent for visitors, organisers and firms not registered). */
  registration: EventRegistrationSchema.optional(),
  /** For organisers only: whether the caller organises this event (an organiser may be scoped to some). */
  organising: z.boolean().optional(),
  /** A past event's results (absent for events ahead). */
  results: z
    .object({
      meetingsHeld: z.number().int(),
      /** Outcomes the parties recorded, by kind (each side's record counts). */
      outcomes: z.partialRecord(z.enum(MEETING_OUTCOMES), z.number().int()),
    })
    .optional(),
});
export type EventSummary = z.infer<typeof EventSummarySchema>;
export type EventResults = NonNullable<EventSummary["results"]>;

/** POST /api/fairs/:slug/registrations: the caller's firm joins the event (one click; its usual participation unless it says). */
export const JoinEventBodySchema = z.strictObject({ participation: z.enum(["onsite", "remote"]).optional() });
export type JoinEventBody = z.infer<typeof JoinEventBodySchema>;

/** GET /api/fairs/:slug/registrations (organisers): the firms registered, waiting ones first. */
export const EventRegistrationRowSchema = EventRegistrationSchema.extend({
  companyId: z.string(),
  legalName: z.string(),
  englishName: z.string().optional(),
  country: z.string(),
  kind: z.enum(["domestic", "foreign"]),
  /** Events of the programme this firm took part in before (approved), newest first: who it is. */
  earlierEvents: z.array(z.object({ slug, name: LocalizedTextSchema })),
});
export type EventRegistrationRow = z.infer<typeof EventRegistrationRowSchema>;

/** POST /api/fairs/:slug/copy (organisers): a new event with this one's set-up and programme on new days. */
export const CopyEventBodySchema = z.strictObject({
  slug,
  name: LocalizedTextSchema.refine((t) => Object.keys(t).length > 0, "at least one language"),
  days: z.array(z.iso.date()).min(1).max(7),
});
export type CopyEventBody = z.infer<typeof CopyEventBodySchema>;
