import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { MailConfig } from "../config/env";
import type { OutboxMessage } from "../repositories/outboxRepository";

export type OutgoingMail = Pick<OutboxMessage, "to" | "subject" | "text" | "html" | "calendar">;

/** How mail leaves the system. */
export interface MailTransport {
  send(message: OutgoingMail): Promise<void>;
  /** Resolves when the mail server answers (the health check). */
  verify(): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer: pooled connections (a few messages at a time over each), STARTTLS when
 * the server offers it or TLS with smtps://, optional DKIM signing. Timeouts are short so a mail
 * server that is away fails a send quickly and the message waits for its next attempt.
 */
export function smtpTransport(config: MailConfig & { smtpUrl: string }): MailTransport {
  const url = new URL(config.smtpUrl);
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
    secure: url.protocol === "smtps:",
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(config.dkim ? { dkim: config.dkim } : {}),
  });
  return {
    async send(m) {
      await transporter.sendMail({
        from: config.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        // An iTIP part (text/calendar; method=...) that calendar apps act on, plus the .ics file.
        ...(m.calendar ? { icalEvent: { method: m.calendar.method, filename: "invite.ics", content: m.calendar.content } } : {}),
      });
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

/** Without a mail server configured: records that a message would go out, without its body (it holds links). */
export function loggingTransport(logger: Logger): MailTransport {
  return {
    async send({ to, subject }) {
      logger.info({ to, subject }, "mail handed to the logging transport (no SMTP_URL configured)");
    },
    async verify() {
      throw new Error("no mail server configured (SMTP_URL)");
    },
    close: () => undefined,
  };
}
