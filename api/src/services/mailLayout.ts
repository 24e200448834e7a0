import type { Locale } from "@ketnoi/contracts";
import { t } from "../i18n";

/** What a mail says, before it is laid out as text and as HTML. */
export interface MailContent {
  subject: string;
  /** Paragraphs of plain text (a line break inside one is kept). */
  paragraphs: string[];
  /** The one thing the reader should do: a button in HTML, a line with the link in text. */
  action?: { label: string; url: string };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A mail as multipart text + HTML in the reader's language, with the platform's branding and a
 * plain link to the reader's notification and privacy settings (the account page).
 */
export function layoutMail(locale: Locale, content: MailContent, publicOrigin: string) {
  const settings = `${publicOrigin}/account`;
  const footer = (link: string) => t(locale, "mail:footer", { settings: link });
  const action = content.action ? [`${content.action.label}: ${content.action.url}`] : [];
  const text = [...content.paragraphs, ...action, "--", footer(settings)].join("\n\n");
  const paragraphs = content.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("");
  const button = content.action
    ? `<p style="margin:20px 0"><a href="${escapeHtml(content.action.url)}" style="background:#b91c1c;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 12px;font-size:12px;color:#57534e;word-break:break-all">${escapeHtml(content.action.url)}</p>`
    : "";
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>` +
    `<body style="margin:0;background:#f5f5f4;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK JP',sans-serif;color:#1c1917">` +
    `<div style="max-width:560px;margin:0 auto;padding:16px">` +
    `<div style="background:linear-gradient(120deg,#7f1d1d,#b91c1c 55%,#ca8a04);color:#ffffff;padding:14px 18px;border-radius:10px 10px 0 0;font-weight:700;font-size:18px">Ketnoi · Kết nối</div>` +
    `<div style="background:#ffffff;padding:18px;border-radius:0 0 10px 10px">${paragraphs}${button}</div>` +
    `<p style="font-size:12px;color:#78716c;margin:12px 4px">${escapeHtml(footer("")).trim()} <a href="${escapeHtml(settings)}" style="color:#78716c">${escapeHtml(settings)}</a></p>` +
    `</div></body></html>`;
  return { subject: content.subject, text, html };
}
