import type { Locale } from "@ketnoi/contracts";
import { t } from "../i18n";
import type { OutboxRepository } from "../repositories/outboxRepository";
import { layoutMail } from "./mailLayout";

/**
 * The account mails, their texts in the `mail` catalogue (i18n/locales/<locale>/mail.json).
 * Registration answers alike whether or not the address has an account: the address's owner learns which
 * from the mail (`confirm_registration` or `registration_attempt`). An invitation likewise: the inviter is
 * not told that the address has an account (`invitation` or `invitation_existing_account`).
 */
export const MAIL_TEMPLATES = [
  "verify_email",
  "password_reset",
  "invitation",
  "company_approved",
  "confirm_registration",
  "registration_attempt",
  "invitation_existing_account",
] as const;
type Template = (typeof MAIL_TEMPLATES)[number];

/** Writes a templated account mail (verification, reset, invitation, approval) to the outbox. */
export async function enqueueMail(
  outbox: OutboxRepository,
  mail: { to: string; template: Template; locale: Locale; link: string; publicOrigin: string },
) {
  const text = (part: "subject" | "body" | "action") => t(mail.locale, `mail:${mail.template}.${part}`);
  const content = { subject: text("subject"), paragraphs: [text("body")], action: { label: text("action"), url: mail.link } };
  const laidOut = layoutMail(mail.locale, content, mail.publicOrigin);
  await outbox.enqueue({ to: mail.to, template: mail.template, locale: mail.locale, ...laidOut });
}
