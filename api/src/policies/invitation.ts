import type { UserRecord } from "../repositories/userRepository";
import type { CompanyRecord } from "../repositories/companyRepository";

/**
 * Who may invite: invitations mail whoever they name, so only accounts the fair vouches for send
 * them. Organisers invite firms' owners; a firm's owner invites colleagues once the organisers
 * have approved the firm and the owner's address is confirmed. The reason a firm's owner may not
 * yet is named (as a field message), so the team page can say what to do.
 */
export const invitationPolicy = {
  canInviteFirms: (user: UserRecord) => user.role === "organiser",
  /** Undefined when the owner may invite colleagues; otherwise the field message that says why not. */
  colleagueRefusal(user: UserRecord, company: Pick<CompanyRecord, "id" | "status"> | null): Record<string, string> | undefined {
    if (user.role === "organiser" || user.role === "interpreter" || user.companyRole !== "owner" || !company || user.companyId !== company.id)
      return {};
    if (company.status !== "approved") return { company: "notApproved" };
    if (!user.emailVerifiedAt) return { account: "emailNotVerified" };
    return undefined;
  },
};
