import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Compact HMAC-SHA256 tokens shared by the api (signs) and the realtime service (verifies):
 * base64url(JSON claims) "." base64url(MAC). Server-side only (node:crypto), so not exported from
 * the package index the browser imports.
 */
const mac = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("base64url");

export function signToken(secret: string, claims: object): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${mac(secret, body)}`;
}

/** The claims when the MAC matches and `exp` (seconds) is in the future; undefined otherwise. */
export function verifyToken(secret: string, token: unknown, nowMs = Date.now()): Record<string, unknown> | undefined {
  if (typeof token !== "string" || token.length > 4000) return undefined;
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    return typeof claims.exp === "number" && claims.exp * 1000 > nowMs ? claims : undefined;
  } catch {
    return undefined;
  }
}
