import type { OptionalConsent } from "@ketnoi/contracts";
import type { UserRecord } from "../../repositories/userRepository";
import type { AccountContext } from "../auth/context";

/**
 * Grants or withdraws optional consents; the required one (personalData) is withdrawn by deleting
 * the account. As at registration, the firm owner's consent to profile sharing is what lists the
 * firm in the directory: withdrawn, the firm is unlisted at once.
 */
export async function updateConsents(ctx: AccountContext, user: UserRecord, changes: Partial<Record<OptionalConsent, boolean>>) {
  const { repos } = ctx;
  const now = ctx.now();
  const kept = user.consents.filter((c) => !(c.purpose in changes));
  const granted = Object.entries(changes)
    .filter(([, on]) => on)
    .map(([purpose]) => user.consents.find((c) => c.purpose === purpose) ?? { purpose, grantedAt: now });
  await repos.users.setConsents(user.id, [...kept, ...granted]);
  if (changes.profileSharing !== undefined && user.companyId && user.companyRole === "owner") {
    await repos.companies.update(user.companyId, { listed: changes.profileSharing });
    await ctx.directory.companyChanged(user.companyId);
  }
}
