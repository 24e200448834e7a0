import type { UserRecord } from "../repositories/userRepository";
import type { CompanyRecord } from "../repositories/companyRepository";
import { eventPolicy } from "./event";

type Firm = Pick<CompanyRecord, "id" | "fairId">;

/** Who may do what with a company. One place, used by every company route and command. */
export const companyPolicy = {
  isMember: (user: UserRecord | undefined, company: Pick<CompanyRecord, "id">) => Boolean(user?.companyId && user.companyId === company.id),
  /**
   * An organiser of the firm's own event (the one it came in through): a partner agency's desk,
   * scoped to its events, looks after the firms it brought, not every firm of the programme.
   */
  isOrganiserOf: (user: UserRecord | undefined, company: Firm) => Boolean(user && eventPolicy.canOrganise(user, { id: company.fairId })),
  /** The whole profile (tax code, status, requirements text): its members and its event's organisers. */
  canSeePrivate(user: UserRecord | undefined, company: Firm) {
    return companyPolicy.isOrganiserOf(user, company) || companyPolicy.isMember(user, company);
  },
  /**
   * The public card: anyone, when the firm is approved and chose to be listed. An unlisted firm
   * still shows its card to those it has a meeting or request with (`inMeeting`: the other firm,
   * the interpreter booked): asking to meet tells the other side who asks, and no one can answer
   * or prepare for a stranger.
   */
  canSeeCard(user: UserRecord | undefined, company: Pick<CompanyRecord, "id" | "fairId" | "listed" | "status">, { inMeeting = false } = {}) {
    return (company.status === "approved" && (company.listed || inMeeting)) || companyPolicy.canSeePrivate(user, company);
  },
  canEdit(user: UserRecord | undefined, company: Firm) {
    return companyPolicy.isOrganiserOf(user, company) || companyPolicy.isMember(user, company);
  },
  canApprove: (user: UserRecord | undefined) => user?.role === "organiser",
  /**
   * Setting `listed` through the profile. Only the owner's consent to profile sharing lists a firm
   * (given or withdrawn with PATCH /api/me/consents, which keeps the register of consent true), so
   * members never set it here. Organisers may take a firm off the directory (moderation; the audit
   * trail records it) and put it back only while the owner's consent stands.
   */
  canSetListed: (user: UserRecord | undefined, listed: boolean, ownerConsents: boolean) => user?.role === "organiser" && (!listed || ownerConsents),
};
