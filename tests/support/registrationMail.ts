import { linkIn, mailTo } from "./mailpit";

/**
 * The link that finishes a registration, from the mail the app delivered to the address (registering
 * answers 202 for every address; the account and the firm exist once this link is opened). Waits
 * for the mail, whatever language it is in.
 */
export async function registrationLink(address: string, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await mailTo(address)).find((m) => m.HTML.includes("/signup/confirm?token="));
    if (mail) return linkIn(mail, "/signup/confirm");
    if (Date.now() > until) throw new Error(`no registration link mailed to ${address} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The token of a registration link, for POST /api/auth/register/confirm. */
export const registrationToken = (link: string) => new URL(link).searchParams.get("token")!;
