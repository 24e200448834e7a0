/**
 * The test stack's mail server (Mailpit), read through its HTTP API: what the app actually delivered
 * over SMTP, as a person's mailbox would hold it.
 */
export interface DeliveredMail {
  ID: string;
  Subject: string;
  To: { Address: string }[];
  Text: string;
  HTML: string;
  Attachments: { PartID: string; FileName: string; ContentType: string }[];
  Inline: { PartID: string; FileName: string; ContentType: string }[];
}

const envBase = () => {
  const url = process.env.TEST_MAILPIT_URL;
  if (!url) throw new Error("TEST_MAILPIT_URL is not set: run the suite with `npm test`, which starts Mailpit");
  return url;
};

/** One Mailpit's mailboxes: the test stack's by default, or a fault test's own. */
export function mailbox(base: () => string = envBase) {
  const json = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base()}${path}`);
    if (!res.ok) throw new Error(`Mailpit ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  /** Every message delivered to an address, newest first, with bodies. */
  const mailTo = async (address: string): Promise<DeliveredMail[]> => {
    const found = await json<{ messages: { ID: string }[] }>(`/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=500`);
    return Promise.all(found.messages.map((m) => json<DeliveredMail>(`/api/v1/message/${m.ID}`)));
  };
  return {
    mailTo,
    /** Subjects of every message the server holds (up to 5,000), newest first. */
    async subjects(): Promise<string[]> {
      const all = await json<{ messages: { Subject: string }[] }>(`/api/v1/messages?limit=5000`);
      return all.messages.map((m) => m.Subject);
    },
    /** Waits for a delivered message to the address whose subject matches (the app sends from a queue). */
    async waitForMail(address: string, subject: RegExp, timeoutMs = 30_000): Promise<DeliveredMail> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hit = (await mailTo(address)).find((m) => subject.test(m.Subject));
        if (hit) return hit;
        if (Date.now() > until) throw new Error(`no mail to ${address} matching ${subject} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    /** The raw bytes of one MIME part (an attachment), as text. */
    async partText(mail: DeliveredMail, partId: string): Promise<string> {
      const res = await fetch(`${base()}/api/v1/message/${mail.ID}/part/${partId}`);
      if (!res.ok) throw new Error(`Mailpit part ${partId}: ${res.status}`);
      return res.text();
    },
    /** The whole message as sent (headers and every MIME part). */
    async raw(mail: DeliveredMail): Promise<string> {
      return (await fetch(`${base()}/api/v1/message/${mail.ID}/raw`)).text();
    },
  };
}

const testStack = mailbox();
export const mailTo = testStack.mailTo;
export const waitForMail = testStack.waitForMail;
export const partText = testStack.partText;
export const rawMail = testStack.raw;

/** The first link in a delivered mail's HTML whose path is `path` (the button a person clicks). */
export function linkIn(mail: DeliveredMail, path: string): string {
  const hrefs = [...mail.HTML.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
  const link = hrefs.find((h) => new URL(h).pathname === path);
  if (!link) throw new Error(`no ${path} link in "${mail.Subject}": ${hrefs.join(", ")}`);
  return link;
}
