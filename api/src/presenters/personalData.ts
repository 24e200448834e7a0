import type { CompanyRecord } from "../repositories/companyRepository";
import type { OutboxMessage } from "../repositories/outboxRepository";
import type { UserRecord } from "../repositories/userRepository";
import { presentCompanyPrivate } from "./company";

/** A user's data export: the account, the firm's whole profile, the mail sent to them and the firms that scanned their badge (no secrets, no hashes). */
export function presentPersonalData(data: {
  exportedAt: Date;
  user: UserRecord;
  company: CompanyRecord | null;
  mail: OutboxMessage[];
  badgeScans: { company: CompanyRecord; scannedAt: Date }[];
}) {
  const { user, company } = data;
  return {
    exportedAt: data.exportedAt.toISOString(),
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
    mail: data.mail.map((m) => ({ template: m.template, subject: m.subject, sentAt: m.sentAt?.toISOString() ?? null })),
    // Which firms keep me as a lead, and since which scan (what they wrote about me is theirs, not in here).
    badgeScans: data.badgeScans.map((s) => ({ company: s.company.legalName, country: s.company.country, scannedAt: s.scannedAt.toISOString() })),
  };
}
