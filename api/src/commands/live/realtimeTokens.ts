import { randomBytes } from "node:crypto";
import {
  JoinableRoomSchema,
  SOCKET_TOKEN_TTL_SECONDS,
  signRealtimeToken,
  type JoinableRoom,
  type RoomTicketClaims,
  type SocketClaims,
} from "@ketnoi/contracts";
import type { UserRecord } from "../../repositories/userRepository";
import { socketSessionId } from "../../auth/sessions";
import { boothAccess, meetingAccess } from "./access";
import type { LiveContext } from "./context";

/**
 * Tokens only open a connection or a room; they live a couple of minutes (a client asks again on
 * reconnect). By the real clock, not the api's domain clock: the realtime service checks expiry with its own.
 */
const expiry = () => Math.floor(Date.now() / 1000) + SOCKET_TOKEN_TTL_SECONDS;

/** The token a browser presents at the Socket.IO handshake: a user's, or a guest's for the public hall. */
export async function socketToken(ctx: LiveContext, signedIn: { user: UserRecord; sessionHash: string } | undefined) {
  const exp = expiry();
  const user = signedIn?.user;
  const claims: SocketClaims = user
    ? {
        sub: user.id,
        name: user.name,
        role: user.role,
        ...(user.companyId ? { companyId: user.companyId } : {}),
        sid: socketSessionId(signedIn.sessionHash),
      }
    : { sub: `guest:${randomBytes(8).toString("hex")}`, name: "", role: "guest" };
  return { token: await signRealtimeToken(ctx.realtimeSecret, "socket", claims, exp), expiresAt: new Date(exp * 1000).toISOString() };
}

/** A ticket to join one meeting or booth room, after the same policy as the rest of the api. */
export async function roomTicket(ctx: LiveContext, user: UserRecord, room: JoinableRoom) {
  const [kind, id] = JoinableRoomSchema.parse(room).split(":") as ["meeting" | "booth", string];
  const access = kind === "meeting" ? (await meetingAccess(ctx, user, id)).access : await boothAccess(ctx, user, id);
  const exp = expiry();
  const claims: RoomTicketClaims = { sub: user.id, room, access };
  return { ticket: await signRealtimeToken(ctx.realtimeSecret, "room", claims, exp), room, access, expiresAt: new Date(exp * 1000).toISOString() };
}
