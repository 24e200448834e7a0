import type { SessionView } from "@ketnoi/contracts";
import type { UserRecord } from "../repositories/userRepository";

/** The signed-in user as the client keeps it, and the CSRF token its writes carry. */
export function presentSession(user: UserRecord, csrfToken: string): SessionView {
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      ...(user.companyId ? { companyId: user.companyId } : {}),
      ...(user.companyRole ? { companyRole: user.companyRole } : {}),
      locale: user.locale,
      timeZone: user.timeZone,
      emailVerified: Boolean(user.emailVerifiedAt),
    },
    csrfToken,
  };
}
