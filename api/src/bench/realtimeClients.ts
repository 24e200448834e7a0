// The bench:realtime clients: Socket.IO sockets as browsers open them (websocket transport, the handshake
// token in auth), each a user with a socket token signed as the api signs it, joining one booth room with
// a room ticket. Every delivery of a bench message is recorded: its latency (the message carries its send
// time on this process's clock) and its id, so losses and duplicates are counted per socket.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { SOCKET_PATH, SOCKET_TOKEN_TTL_SECONDS, rooms, signRealtimeToken, type Ack } from "@ketnoi/contracts";

/** What a bench message carries besides its event's own fields. */
export interface Stamped {
  id: string;
  sentAt: number;
}
export const BENCH_EVENTS = ["notification", "booth:chat"] as const;

export interface BenchClient {
  userId: string;
  booth: string;
  socket: Socket;
  /** Ids of bench messages received (a repeated id is a duplicate). */
  seen: Set<string>;
  duplicates: number;
  disconnected: boolean;
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
export const objectIdHex = () => hex(12);

/** Every delivery's latency (ms) and a count of the other events the node sent (presence, counts). */
export class Deliveries {
  latencies: number[] = [];
  otherEvents = 0;
}

/**
 * Connects one client and joins its booth, as the client app does: a fresh socket token and room
 * ticket for this user, minted as the api mints them (signRealtimeToken with the shared secret).
 * Resolves with the handshake and join times (ms); rejects when refused or timed out.
 */
export async function connectClient(url: string, secret: string, booth: string, localAddress: string, deliveries: Deliveries) {
  const userId = objectIdHex();
  const exp = Math.floor(Date.now() / 1000) + SOCKET_TOKEN_TTL_SECONDS;
  const token = await signRealtimeToken(secret, "socket", { sub: userId, name: `Bench ${userId.slice(-6)}`, role: "domestic", sid: hex(8) }, exp);
  const ticket = await signRealtimeToken(secret, "room", { sub: userId, room: rooms.booth(booth) as `booth:${string}`, access: "visitor" }, exp);
  const started = performance.now();
  // localAddress is handed through engine.io-client to ws (spreads the source ports over 127.0.0.x).
  const options = {
    path: SOCKET_PATH,
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: 60_000,
    auth: { token },
    localAddress,
  };
  const socket = io(url, options as Parameters<typeof io>[1]);
  const client: BenchClient = { userId, booth, socket, seen: new Set(), duplicates: 0, disconnected: false };
  const receive = (payload: Stamped) => {
    if (typeof payload?.sentAt !== "number") return;
    deliveries.latencies.push(performance.now() - payload.sentAt);
    if (client.seen.has(payload.id)) client.duplicates++;
    else client.seen.add(payload.id);
  };
  for (const event of BENCH_EVENTS)
    socket.on(event, (p: { data?: Stamped } & Partial<Stamped>) => receive(event === "notification" ? (p.data as Stamped) : (p as Stamped)));
  socket.onAny((event: string) => {
    if (!(BENCH_EVENTS as readonly string[]).includes(event)) deliveries.otherEvents++;
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (err) => reject(err));
    });
    const handshakeMs = performance.now() - started;
    socket.on("disconnect", () => (client.disconnected = true));
    const ack: Ack = await socket.timeout(60_000).emitWithAck("room:join", { ticket });
    if (!ack.ok) throw new Error(`room join refused: ${ack.error.code}`);
    return { client, handshakeMs, joinMs: performance.now() - started - handshakeMs };
  } catch (err) {
    socket.close();
    throw err;
  }
}

/**
 * Runs `task` for 0..n-1 with at most `limit` at once (a connection storm the node's backlog can take),
 * starting none after `deadline` (performance.now()): the results hold only the tasks started.
 */
export async function pool<T>(n: number, limit: number, deadline: number, task: (i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n && performance.now() < deadline) {
      const i = next++;
      results[i] = await task(i).then(
        (value) => ({ status: "fulfilled", value }) as const,
        (reason: unknown) => ({ status: "rejected", reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return results;
}
