import { SignJWT, errors, jwtVerify } from "jose";
import { RoomTicketClaimsSchema, SocketClaimsSchema, type RoomTicketClaims, type SocketClaims } from "./realtime";

/**
 * The tokens the api mints for the realtime service, as HS256 JWTs signed with the shared
 * REALTIME_SECRET: a socket token (the Socket.IO handshake) and a room ticket (joining one meeting or
 * booth room). Each kind has its own audience, so a room ticket never passes as a socket token nor
 * the other way round, whatever its claims say. No clock tolerance: a token lives two minutes and a
 * client asks for a new one on every (re)connect.
 */
const ISSUER = "ketnoi-api";
const ALGORITHM = "HS256";
export const REALTIME_TOKEN_AUDIENCES = { socket: "ketnoi-realtime:socket", room: "ketnoi-realtime:room" } as const;
export type RealtimeTokenKind = keyof typeof REALTIME_TOKEN_AUDIENCES;
/** What each kind of token carries besides its registered claims (iss, aud, iat, exp). */
export interface RealtimeTokenPayloads {
  socket: SocketClaims;
  room: RoomTicketClaims;
}
const PAYLOAD_SCHEMAS = { socket: SocketClaimsSchema, room: RoomTicketClaimsSchema };
/** Longer than any token we mint: a bigger one is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 4000;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** A token of the given kind for `payload`, valid until `expiresAt` (seconds since the epoch). */
export async function signRealtimeToken<K extends RealtimeTokenKind>(
  secret: string,
  kind: K,
  payload: RealtimeTokenPayloads[K],
  expiresAt: number,
): Promise<string> {
  return new SignJWT({ ...payload })
    .setProtectedHeader({ alg: ALGORITHM })
    .setIssuer(ISSUER)
    .setAudience(REALTIME_TOKEN_AUDIENCES[kind])
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(keyOf(secret));
}

/**
 * The payload of a token of the given kind, when it is one: signed with `secret`, for that audience,
 * not expired, and with the claims that kind carries. Undefined for anything else (a client sends
 * whatever it likes); errors other than a refused token still throw.
 */
export async function verifyRealtimeToken<K extends RealtimeTokenKind>(
  secret: string,
  kind: K,
  token: unknown,
): Promise<RealtimeTokenPayloads[K] | undefined> {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return undefined;
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: REALTIME_TOKEN_AUDIENCES[kind],
      requiredClaims: ["exp"],
    });
    const { iss: _iss, aud: _aud, iat: _iat, exp: _exp, ...claims } = payload;
    const parsed = PAYLOAD_SCHEMAS[kind].safeParse(claims);
    return parsed.success ? (parsed.data as RealtimeTokenPayloads[K]) : undefined;
  } catch (err) {
    if (err instanceof errors.JOSEError) return undefined;
    throw err;
  }
}
