// The bench:realtime clients: Socket.IO sockets as browsers open them (websocket transport, the handshake
// token in auth), each a user with a socket token signed as the api signs it, joining one booth room with
// a room ticket. Every delivery of a bench message is recorded: its latency (the message carries its send
// time on clock(), which every thread of the process reads alike) and its id, so losses and duplicates are
// counted per socket.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { io } from "socket.io-client";
import { SOCKET_PATH, SOCKET_TOKEN_TTL_SECONDS, rooms, signRealtimeToken, type Ack } from "@ketnoi/contracts";
import { WireClient } from "./realtimeWire";

/** What a bench message carries besides its event's own fields. */
export interface Stamped {
  id: string;
  sentAt: number;
}
/** The hall's notification or a booth's chat message. */
export type DeliveryKind = "hall" | "booth";

/**
 * Milliseconds on a clock every thread of the process shares (a send time stamped on the publishing thread
 * is read on a client thread): performance.timeOrigin is per thread, the sum is not. Sub-millisecond,
 * unlike Date.now().
 */
export const clock = () => performance.timeOrigin + performance.now();

export interface BenchClient {
  userId: string;
  booth: string;
  socket: { close(): void };
  /** Ids of bench messages received (a repeated id is a duplicate). */
  seen: Set<string>;
  duplicates: number;
  disconnected: boolean;
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
export const objectIdHex = () => hex(12);

/** Every delivery's latency (ms), by kind; each delivery and each other event the node sent (presence, counts) is also counted as it comes. */
export class Deliveries {
  readonly latencies: Record<DeliveryKind, number[]> = { hall: [], booth: [] };
  /** The round of each latency (the number in the message's id, `hall-<round>` or `chat-<round>-<booth>`). */
  readonly rounds: Record<DeliveryKind, number[]> = { hall: [], booth: [] };
  constructor(
    private readonly counted: () => void,
    readonly otherEvent: () => void,
  ) {}

  record(kind: DeliveryKind, payload: Stamped) {
    this.latencies[kind].push(clock() - payload.sentAt);
    this.rounds[kind].push(Number.parseInt(payload.id.slice(payload.id.indexOf("-") + 1), 10));
    this.counted();
  }
}

/**
 * How the bench's clients speak Socket.IO: "wire" (realtimeWire.ts, the protocols spoken directly, as little
 * work per frame as a browser's native WebSocket leaves to its page) or "socket.io-client" (the library in Node).
 */
export type ClientKind = "wire" | "socket.io-client";
export const CLIENT_KINDS: readonly ClientKind[] = ["wire", "socket.io-client"];

const HANDSHAKE_TIMEOUT_MS = 60_000;
const JOIN_TIMEOUT_MS = 60_000;

/** One open connection, whichever way it speaks: what connectClient needs of it. */
interface Connection {
  connected(): Promise<void>;
  join(ticket: string): Promise<Ack>;
  close(): void;
}

function socketIoClient(
  url: string,
  token: string,
  localAddress: string,
  client: BenchClient,
  onEvent: (name: string, args: unknown[]) => void,
): Connection {
  // localAddress is handed through engine.io-client to ws (spreads the source ports over 127.0.0.x).
  const options = {
    path: SOCKET_PATH,
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: HANDSHAKE_TIMEOUT_MS,
    auth: { token },
    localAddress,
  };
  const socket = io(url, options as Parameters<typeof io>[1]);
  socket.onAny((event: string, ...args: unknown[]) => onEvent(event, args));
  return {
    connected: () =>
      new Promise<void>((resolve, reject) => {
        socket.once("connect", () => {
          socket.on("disconnect", () => (client.disconnected = true));
          resolve();
        });
        socket.once("connect_error", (err) => reject(err));
      }),
    join: (ticket) => socket.timeout(JOIN_TIMEOUT_MS).emitWithAck("room:join", { ticket }),
    close: () => socket.close(),
  };
}

function wireClient(
  url: string,
  token: string,
  localAddress: string,
  client: BenchClient,
  onEvent: (name: string, args: unknown[]) => void,
): Connection {
  const { hostname, port } = new URL(url);
  const wire = new WireClient(
    { host: hostname, port: Number(port), path: SOCKET_PATH, localAddress, auth: { token }, timeout: HANDSHAKE_TIMEOUT_MS },
    { event: onEvent, disconnect: () => (client.disconnected = true) },
  );
  return {
    connected: () => wire.connected(),
    join: (ticket) => wire.emitWithAck<Ack>("room:join", { ticket }, JOIN_TIMEOUT_MS),
    close: () => wire.close(),
  };
}

/**
 * Connects one client and joins its booth, as the client app does: a fresh socket token and room
 * ticket for this user, minted as the api mints them (signRealtimeToken with the shared secret).
 * Resolves with the handshake and join times (ms); rejects when refused or timed out.
 */
export async function connectClient(kind: ClientKind, url: string, secret: string, booth: string, localAddress: string, deliveries: Deliveries) {
  const userId = objectIdHex();
  const exp = Math.floor(Date.now() / 1000) + SOCKET_TOKEN_TTL_SECONDS;
  const token = await signRealtimeToken(secret, "socket", { sub: userId, name: `Bench ${userId.slice(-6)}`, role: "domestic", sid: hex(8) }, exp);
  const ticket = await signRealtimeToken(secret, "room", { sub: userId, room: rooms.booth(booth) as `booth:${string}`, access: "visitor" }, exp);
  const started = performance.now();
  const client: BenchClient = { userId, booth, socket: { close() {} }, seen: new Set(), duplicates: 0, disconnected: false };
  const receive = (kind: DeliveryKind, payload: Stamped | undefined) => {
    if (typeof payload?.sentAt !== "number") return;
    deliveries.record(kind, payload);
    if (client.seen.has(payload.id)) client.duplicates++;
    else client.seen.add(payload.id);
  };
  const onEvent = (name: string, args: unknown[]) => {
    if (name === "notification") receive("hall", (args[0] as { data?: Stamped } | undefined)?.data);
    else if (name === "booth:chat") receive("booth", args[0] as Stamped | undefined);
    else deliveries.otherEvent();
  };
  const connection = (kind === "wire" ? wireClient : socketIoClient)(url, token, localAddress, client, onEvent);
  client.socket = connection;
  try {
    await connection.connected();
    const handshakeMs = performance.now() - started;
    const ack = await connection.join(ticket);
    if (!ack.ok) throw new Error(`room join refused: ${ack.error.code}`);
    return { client, handshakeMs, joinMs: performance.now() - started - handshakeMs };
  } catch (err) {
    connection.close();
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
