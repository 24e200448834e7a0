import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9-]{3,64}$/);

/**
 * The events an organiser organises: "all" (the Department's staff: every event and the programme),
 * or the short names of some (a partner agency's desk, e.g. the delegation it brings). "All" is said,
 * never an empty list, so removing an organiser's last event cannot widen their access by accident.
 */
export const EventScopesSchema = z.union([z.literal("all"), z.array(slug).min(1).max(100)]);
export type EventScopes = z.infer<typeof EventScopesSchema>;

/** PUT /api/users/:id/event-scopes (organisers of the whole programme): set another organiser's events. */
export const EventScopesBodySchema = z.strictObject({ events: EventScopesSchema });
export type EventScopesBody = z.infer<typeof EventScopesBodySchema>;

/** GET /api/users/organisers: every organiser and the events they organise. */
export const OrganiserScopeSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), events: EventScopesSchema });
export type OrganiserScope = z.infer<typeof OrganiserScopeSchema>;
