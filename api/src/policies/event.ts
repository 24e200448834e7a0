import type { UserRecord } from "../repositories/userRepository";

/**
 * Who organises which event. The Department's staff run every event and the programme; a partner
 * agency's desk (JETRO's, KOTRA's) may be scoped to the events it brings (`eventScopes`, fair ids).
 * No scopes, or an empty list, means every event: organisers from before scopes keep their access.
 */
export const eventPolicy = {
  isScoped: (user: UserRecord) => user.role === "organiser" && (user.eventScopes?.length ?? 0) > 0,
  /** Organises this event: an unscoped organiser, or a scoped one whose events include it. */
  canOrganise: (user: UserRecord, fair: { id: string }) =>
    user.role === "organiser" && (!eventPolicy.isScoped(user) || (user.eventScopes ?? []).includes(fair.id)),
  /**
   * The programme as a whole (its targets, the report to the People's Committee) and what spans every
   * event (all accounts' personal data, the audit trail, stuck mail): unscoped organisers only.
   */
  canOrganiseProgramme: (user: UserRecord) => user.role === "organiser" && !eventPolicy.isScoped(user),
  /** Who sets an organiser's events: an unscoped organiser, for another organiser (never their own, so no one locks themselves out). */
  canSetScopes: (user: UserRecord, target: UserRecord) =>
    eventPolicy.canOrganiseProgramme(user) && target.role === "organiser" && target.id !== user.id,
};
