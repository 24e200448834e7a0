import { pickText, type UserRole } from "@ketnoi/contracts";
import { t, type MessageKey } from "../../i18n";
import { cjkFaceFor } from "../../domain/badgeText";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { FairRecord } from "../../repositories/fairRepository";
import type { UserRecord } from "../../repositories/userRepository";
import type { BadgeCard, BadgeRun } from "../../services/badgePdf/badgePdf";
import { badgeUrl } from "./myBadge";

/**
 * A badge speaks the fair's language and English: the host's staff at the doors read the one, the
 * foreign visitors share the other (the order content falls back in across the app). The person's
 * name and firm stay in their own script whatever the languages.
 */
export const BADGE_LANGUAGES = ["vi", "en"] as const;

const ROLE_LABEL: Record<UserRole, MessageKey> = {
  organiser: "badge:role.organiser",
  domestic: "badge:role.domestic",
  vendor: "badge:role.vendor",
  interpreter: "badge:role.interpreter",
};

/** "Nhật Bản · Japan": the country in the badge's two languages (once when they agree). */
function countryLabel(code: string) {
  const names = BADGE_LANGUAGES.map((l) => new Intl.DisplayNames([l], { type: "region" }).of(code) ?? code);
  return [...new Set(names)].join(" · ");
}

export interface Participant {
  user: UserRecord;
  company?: CompanyRecord;
}

export function badgeCard({ user, company }: Participant, code: string, publicOrigin: string): BadgeCard {
  const firmEnglish = company?.englishName && company.englishName !== company.legalName ? company.englishName : undefined;
  return {
    name: user.name,
    ...(company ? { firm: company.legalName, country: countryLabel(company.country) } : {}),
    ...(firmEnglish ? { firmEnglish } : {}),
    role: user.role,
    roleLabels: [t(BADGE_LANGUAGES[0], ROLE_LABEL[user.role]), t(BADGE_LANGUAGES[1], ROLE_LABEL[user.role])],
    url: badgeUrl(publicOrigin, code),
    cjk: cjkFaceFor([user.name, company?.legalName ?? ""], company?.country, user.locale),
  };
}

export function badgeRun(fair: FairRecord | null, title: string): BadgeRun {
  const [first, second] = BADGE_LANGUAGES.map((l) => (fair ? pickText(fair.name, l) : "Ketnoi")) as [string, string];
  return { fairName: [first, second === first ? "" : second], title };
}
