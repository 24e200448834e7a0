import type { Server, Socket } from "socket.io";
import {
  JoinableRoomSchema,
  RoomJoinSchema,
  RoomLeaveSchema,
  type Ack,
  type BoothCounts,
  type BoothPresence,
  type ClientToServerEvents,
  type RoomAccess,
  type ServerToClientEvents,
  type SocketClaims,
  verifyRealtimeToken,
} from "@ketnoi/contracts";

export interface SocketData {
  user: SocketClaims;
  /** The rooms this socket joined with a ticket, and how. */
  access: Record<string, RoomAccess>;
}
/** What the nodes tell each other (through the adapter). */
export interface NodeEvents {
  /** A node announced a booth's visitor count to the hall. */
  "booth:count": (companyId: string, visitors: number) => void;
}
type IO = Server<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;
type ClientSocket = Socket<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;

const fail = (code: "bad_request" | "unauthenticated" | "forbidden", message: string) => ({ ok: false as const, error: { code, message } });
/** Socket.IO lets a client send anything, or no acknowledgement callback at all. */
const ackOf = (ack: unknown) => (typeof ack === "function" ? (ack as (r: Ack<Record<string, unknown>>) => void) : () => undefined);

/** Who is in a booth now: every socket in its room, one entry per user (staff counted apart). */
export async function boothPresence(io: IO, companyId: string): Promise<BoothPresence> {
  const sockets = await io.in(`booth:${companyId}`).fetchSockets();
  const people = new Map<string, BoothPresence["people"][number]>();
  for (const s of sockets) {
    const access = s.data.access?.[`booth:${companyId}`] ?? "visitor";
    people.set(s.data.user.sub, { userId: s.data.user.sub, name: s.data.user.name, access });
  }
  const list = [...people.values()];
  const staff = list.filter((p) => p.access === "staff").length;
  return { companyId, staff, visitors: list.length - staff, people: list };
}

/** Visitors per booth across the given sockets (one per user and booth, staff left out); booths with none are absent. */
export function boothCounts(sockets: { rooms: Set<string>; data: SocketData }[]): BoothCounts {
  const users = new Map<string, Set<string>>();
  for (const s of sockets) {
    for (const room of s.rooms) {
      if (!room.startsWith("booth:") || (s.data.access?.[room] ?? "visitor") === "staff") continue;
      const companyId = room.slice("booth:".length);
      users.set(companyId, (users.get(companyId) ?? new Set()).add(s.data.user.sub));
    }
  }
  return Object.fromEntries([...users].map(([companyId, who]) => [companyId, who.size]));
}

/** What room handling needs from its node. */
export interface RoomDeps {
  /** Verifies room tickets (shared with the api). */
  secret: string;
  /** Tells a booth who is in it, and the hall its visitor count (the node coalesces a crowd's comings and goings). */
  announceBooth(companyId: string): void;
  /** Whether the api marked this session as ended (signed out): its socket may join nothing more. */
  sessionEnded(sid: string): Promise<boolean>;
}

/**
 * room:join with a ticket the api minted after its policy check (the client never names a room it
 * was not granted); room:leave. Booth rooms announce presence when someone comes or goes, and the
 * hall hears the booth's new visitor count.
 */
export function handleRooms(socket: ClientSocket, { secret, sessionEnded, announceBooth }: RoomDeps) {
  const announce = (room: string) => {
    if (room.startsWith("booth:")) announceBooth(room.slice("booth:".length));
  };

  socket.on("room:join", async (payload: unknown, ack: unknown) => {
    const reply = ackOf(ack);
    const parsed = RoomJoinSchema.safeParse(payload);
    if (!parsed.success) return reply(fail("bad_request", "expected { ticket }"));
    const claims = await verifyRealtimeToken(secret, "room", parsed.data.ticket);
    if (!claims) return reply(fail("forbidden", "invalid or expired ticket"));
    if (claims.sub !== socket.data.user.sub) return reply(fail("forbidden", "ticket issued to someone else"));
    const { sid } = socket.data.user;
    if (sid && (await sessionEnded(sid))) return reply(fail("unauthenticated", "the session has ended"));
    if (socket.disconnected) return;
    const { room, access } = claims;
    socket.data.access = { ...socket.data.access, [room]: access };
    void socket.join(room);
    reply({ ok: true, room, access });
    announce(room);
  });

  socket.on("room:leave", (payload: unknown, ack: unknown) => {
    const reply = ackOf(ack);
    const parsed = RoomLeaveSchema.safeParse(payload);
    if (!parsed.success) return reply(fail("bad_request", "expected { room }"));
    const { room } = parsed.data;
    if (!socket.rooms.has(room)) return reply(fail("bad_request", "not in that room"));
    void socket.leave(room);
    const { [room]: _gone, ...rest } = socket.data.access;
    socket.data.access = rest;
    reply({ ok: true });
    announce(room);
  });

  socket.on("disconnecting", () => {
    const left = [...socket.rooms].filter((r) => JoinableRoomSchema.safeParse(r).success);
    // Announce once the socket is gone from the rooms.
    setImmediate(() => left.forEach(announce));
  });
}
