import type { OptionalConsent } from "@ketnoi/contracts";
import { AppError } from "../errors";
import { endAllSessions } from "../auth/sessions";
import type { EventPublisher } from "../services/events";
import type { Repositories } from "../repositories";
import type { UserRecord } from "../repositories/userRepository";
import { checkPasswordUnderLockout } from "./auth/authenticateUser";
import { presentCompanyPrivate } from "../presenters/company";
import type { DirectoryService } from "../services/directory";

/** Everything Ketnoi holds about a user (Decree 13/2023/ND-CP, right of access), as one JSON document. */
export async function exportPersonalData(repos: Repositories, user: UserRecord, now: Date) {
  const company = user.companyId ? await repos.companies.findById(user.companyId) : null;
  return {
    exportedAt: now.toISOString(),
    user: {
      email: user.email,
      name: user.name,
      role: user.role,
      locale: user.locale,
      timeZone: user.timeZone,
      companyRole: user.companyRole ?? null,
      emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
      consents: user.consents.map((c) => ({ purpose: c.purpose, grantedAt: c.grantedAt.toISOString() })),
    },
    company: company ? presentCompanyPrivate(company) : null,
    mail: (await repos.outbox.listTo(user.email)).map((m) => ({ template: m.template, subject: m.subject, sentAt: m.sentAt?.toISOString() ?? null })),
  };
}

/**
 * Deletes a user's account and personal data after re-entering the password (under the sign-in
 * lockout: five wrong passwords lock the account for 15 minutes): sessions, links, mail
 * and the user record. The company's business profile stays for its other members; a firm that
 * was never approved and has no one left goes too. Ordered so a failure part-way leaves the user
 * signed out rather than half-deleted.
 */
export async function deleteAccount(repos: Repositories, directory: DirectoryService, events: EventPublisher, user: UserRecord, password: string, now: Date) {
  const credentials = await repos.users.findCredentials(user.email);
  if (!credentials) throw new AppError("invalid_credentials");
  // The same lock as sign-in: a borrowed session must not become a way to guess the password.
  await checkPasswordUnderLockout(repos, credentials, password, now);
  await endAllSessions(repos, events, user.id);
  await repos.oneTimeTokens.deleteForUser(user.id);
  await repos.loginFailures.deleteForUser(user.id);
  await repos.outbox.deleteTo(user.email);
  await repos.notifications.deleteForUser(user.id);
  await repos.calendarFeeds.deleteForUser(user.id);
  await repos.users.deleteById(user.id);
  if (user.companyId && (await repos.users.countCompanyMembers(user.companyId)) === 0) {
    const company = await repos.companies.findById(user.companyId);
    if (company && company.status === "pending") {
      await repos.companies.deleteById(company.id);
      await directory.companyChanged(company.id);
    }
  }
}

/**
 * Grants or withdraws optional consents; the required one (personalData) is withdrawn by deleting
 * the account. As at registration, the firm owner's consent to profile sharing is what lists the
 * firm in the directory: withdrawn, the firm is unlisted at once.
 */
export async function updateConsents(repos: Repositories, directory: DirectoryService, user: UserRecord, changes: Partial<Record<OptionalConsent, boolean>>, now: Date) {
  const kept = user.consents.filter((c) => !(c.purpose in changes));
  const granted = Object.entries(changes)
    .filter(([, on]) => on)
    .map(([purpose]) => user.consents.find((c) => c.purpose === purpose) ?? { purpose, grantedAt: now });
  await repos.users.setConsents(user.id, [...kept, ...granted]);
  if (changes.profileSharing !== undefined && user.companyId && user.companyRole === "owner") {
    await repos.companies.update(user.companyId, { listed: changes.profileSharing });
    await directory.companyChanged(user.companyId);
  }
}
