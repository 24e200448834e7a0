import {
  companyName,
  type BadgeScanView,
  type LeadRefusal,
  type LeadSyncResult,
  type LeadView,
  type Locale,
  type OptionalConsent,
} from "@ketnoi/contracts";
import { fieldMessage } from "../i18n/errorMessages";
import type { LeadRecord } from "../repositories/leadRepository";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { UserRecord } from "../repositories/userRepository";

/** The consent a visitor gives (account page) for exhibitors who scan their badge to have their e-mail address. */
const EXHIBITOR_CONTACT_CONSENT: OptionalConsent = "exhibitorContact";

/** Whom the leads name, as the command read them. */
export interface LeadNames {
  users: ReadonlyMap<string, UserRecord>;
  companies: ReadonlyMap<string, CompanyRecord>;
}

/**
 * A lead as its firm sees it: what a scan shares (the visitor's name, role, firm and the firm's
 * country) and the e-mail address only while the visitor consents to exhibitors having it. Read at
 * each request, so withdrawing that consent hides the address from the list and every later export.
 */
export function presentLead(lead: LeadRecord, names: LeadNames, locale: Locale): LeadView {
  const visitor = names.users.get(lead.visitorId);
  const company = visitor?.companyId ? names.companies.get(visitor.companyId) : undefined;
  const scanner = lead.scannedBy ? names.users.get(lead.scannedBy) : undefined;
  const sharesContact = visitor?.consents.some((c) => c.purpose === EXHIBITOR_CONTACT_CONSENT) ?? false;
  return {
    id: lead.id,
    badge: lead.badge ?? "",
    visitor: {
      name: visitor?.name ?? "",
      role: visitor?.role ?? "domestic",
      company: company ? { name: companyName(company, locale), country: company.country } : null,
      ...(sharesContact && visitor ? { email: visitor.email } : {}),
    },
    scannedBy: scanner ? { name: scanner.name } : null,
    scannedAt: (lead.scannedAt ?? lead.createdAt).toISOString(),
    note: lead.note,
    rating: lead.rating,
    tags: lead.tags,
    updatedAt: lead.updatedAt.toISOString(),
  };
}

type Outcome = { scanId: string; status: "recorded" | "updated"; lead: LeadRecord } | { scanId: string; status: "refused"; reason: LeadRefusal };

/** Each scan's answer; a refusal's reason also in the caller's language. */
export function presentSyncResults(outcomes: Outcome[], names: LeadNames, locale: Locale): LeadSyncResult {
  return {
    results: outcomes.map((o) =>
      o.status === "refused"
        ? { scanId: o.scanId, status: o.status, reason: o.reason, message: fieldMessage(o.reason, locale) }
        : { scanId: o.scanId, status: o.status, lead: presentLead(o.lead, names, locale) },
    ),
  };
}

/** Who scanned my badge: the firm and when. */
export function presentBadgeScans(leads: LeadRecord[], companies: ReadonlyMap<string, CompanyRecord>, locale: Locale): { data: BadgeScanView[] } {
  return {
    data: leads.flatMap((l) => {
      const c = companies.get(l.companyId);
      if (!c) return [];
      return [
        { id: l.id, company: { id: c.id, name: companyName(c, locale), country: c.country }, scannedAt: (l.scannedAt ?? l.createdAt).toISOString() },
      ];
    }),
  };
}
