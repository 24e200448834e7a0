import { SignJWT, UnsecuredJWT } from "jose";
import { signRealtimeToken, verifyRealtimeToken, REALTIME_TOKEN_AUDIENCES, type RealtimeTokenPayloads } from "./realtimeToken";

const SECRET = "a-realtime-secret-of-at-least-32-characters";
const OTHER_SECRET = "another-secret-of-at-least-32-characters!!";
const socket: RealtimeTokenPayloads["socket"] = { sub: "0123456789abcdef01234567", name: "Lan", role: "vendor", sid: "0123456789abcdef" };
const room: RealtimeTokenPayloads["room"] = { sub: "0123456789abcdef01234567", room: "booth:89abcdef0123456789abcdef", access: "visitor" };
// Tokens live by the real clock (the realtime service checks expiry with its own): instants relative to now.
const inMinutes = (minutes: number) => Math.floor(Date.now() / 1000) + minutes * 60;

/** The token with its claims rewritten and its header and signature kept. */
function withClaims(token: string, change: (claims: Record<string, unknown>) => void) {
  const [header, body, signature] = token.split(".");
  const claims = JSON.parse(Buffer.from(body!, "base64url").toString("utf8")) as Record<string, unknown>;
  change(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
}

describe("realtime tokens (HS256 JWTs between the api and the realtime service)", () => {
  test("a socket token and a room ticket give back exactly what was signed", async () => {
    await expect(verifyRealtimeToken(SECRET, "socket", await signRealtimeToken(SECRET, "socket", socket, inMinutes(2)))).resolves.toEqual(socket);
    await expect(verifyRealtimeToken(SECRET, "room", await signRealtimeToken(SECRET, "room", room, inMinutes(2)))).resolves.toEqual(room);
  });

  test("an expired token is refused", async () => {
    const expired = await signRealtimeToken(SECRET, "socket", socket, inMinutes(0) - 1);
    await expect(verifyRealtimeToken(SECRET, "socket", expired)).resolves.toBeUndefined();
  });

  test("a token without an expiry is refused", async () => {
    const endless = await new SignJWT({ ...socket })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("ketnoi-api")
      .setAudience(REALTIME_TOKEN_AUDIENCES.socket)
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifyRealtimeToken(SECRET, "socket", endless)).resolves.toBeUndefined();
  });

  test("a token signed with another secret is refused", async () => {
    const forged = await signRealtimeToken(OTHER_SECRET, "socket", socket, inMinutes(2));
    await expect(verifyRealtimeToken(SECRET, "socket", forged)).resolves.toBeUndefined();
  });

  test("a room ticket is refused as a socket token, and a socket token as a room ticket", async () => {
    const ticket = await signRealtimeToken(SECRET, "room", room, inMinutes(2));
    const token = await signRealtimeToken(SECRET, "socket", socket, inMinutes(2));
    await expect(verifyRealtimeToken(SECRET, "socket", ticket)).resolves.toBeUndefined();
    await expect(verifyRealtimeToken(SECRET, "room", token)).resolves.toBeUndefined();
    // Even when the claims would fit the other kind: the audience decides, not the shape.
    const ticketShapedLikeToken = await signRealtimeToken(SECRET, "room", socket as never, inMinutes(2));
    await expect(verifyRealtimeToken(SECRET, "socket", ticketShapedLikeToken)).resolves.toBeUndefined();
  });

  test("a tampered token is refused: changed claims, audience, signature or algorithm", async () => {
    const token = await signRealtimeToken(SECRET, "socket", socket, inMinutes(2));
    const [header, body, signature] = token.split(".");
    const flipped = `${signature![0] === "A" ? "B" : "A"}${signature!.slice(1)}`;
    const tampered = [
      withClaims(token, (c) => (c.role = "organiser")),
      withClaims(token, (c) => (c.exp = inMinutes(60 * 24))),
      withClaims(await signRealtimeToken(SECRET, "room", room, inMinutes(2)), (c) => (c.aud = REALTIME_TOKEN_AUDIENCES.socket)),
      [header, body, flipped].join("."),
      `${header}.${body}.`,
      new UnsecuredJWT({ ...socket }).setIssuer("ketnoi-api").setAudience(REALTIME_TOKEN_AUDIENCES.socket).setExpirationTime(inMinutes(2)).encode(),
    ];
    for (const forged of tampered) await expect(verifyRealtimeToken(SECRET, "socket", forged)).resolves.toBeUndefined();
  });

  test("claims the kind does not carry are refused, though signed", async () => {
    const extra = await signRealtimeToken(SECRET, "socket", { ...socket, admin: true } as never, inMinutes(2));
    await expect(verifyRealtimeToken(SECRET, "socket", extra)).resolves.toBeUndefined();
  });

  test("anything that is not a token is refused", async () => {
    for (const junk of [undefined, null, 42, {}, "", "garbage", "a.b.c", "x".repeat(5000)]) {
      await expect(verifyRealtimeToken(SECRET, "socket", junk)).resolves.toBeUndefined();
    }
  });
});
