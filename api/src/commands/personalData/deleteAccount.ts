import { AppError } from "../../errors";
import { endAllSessions } from "../../auth/sessions";
import type { UserRecord } from "../../repositories/userRepository";
import { checkPasswordUnderLockout } from "../auth/authenticateUser";
import type { AccountContext } from "../auth/context";

/**
 * Deletes a user's account and personal data after re-entering the password (under the sign-in
 * lockout: five wrong passwords lock the account for 15 minutes): sessions, links, mail, the
 * badge code and the user record. The company's business profile stays for its other members; a firm that
 * was never approved and has no one left goes too. Ordered so a failure part-way leaves the user
 * signed out rather than half-deleted.
 */
export async function deleteAccount(ctx: AccountContext, user: UserRecord, password: string) {
  const { repos, events, directory } = ctx;
  const credentials = await repos.users.findCredentials(user.email);
  if (!credentials) throw new AppError("invalid_credentials");
  // The same lock as sign-in: a borrowed session must not become a way to guess the password.
  await checkPasswordUnderLockout(repos, credentials, password, ctx.now());
  await endAllSessions(repos, events, user.id);
  await repos.oneTimeTokens.deleteForUser(user.id);
  await repos.loginFailures.deleteForUser(user.id);
  await repos.outbox.deleteTo(user.email);
  await repos.notifications.deleteForUser(user.id);
  await repos.calendarFeeds.deleteForUser(user.id);
  // A printed badge stays in the world: its code must no longer lead to anyone.
  await repos.badges.removeFor(user.id);
  // Firms' leads on this person (tombstones too) go with the account.
  await repos.leads.deleteForVisitor(user.id);
  await repos.users.deleteById(user.id);
  if (user.companyId && (await repos.users.countCompanyMembers(user.companyId)) === 0) {
    const company = await repos.companies.findById(user.companyId);
    if (company && company.status === "pending") {
      await repos.companies.deleteById(company.id);
      await directory.companyChanged(company.id);
    }
  }
}
