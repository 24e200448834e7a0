import { Types } from "mongoose";
import { io as ioClient, type Socket } from "socket.io-client";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@ketnoi/contracts";
import { connectDatabase, type Database } from "../../api/src/db/connection";
import { DEMO_PASSWORD } from "../../api/src/seed/seedDemoFair";
import { ApiClient, expectStatus } from "./httpClient";
import { waitFor, type FaultStack } from "./processes";

/** A demo login signed in to the stack's real api. */
export async function demoClient(stack: FaultStack, role: "organiser" | "domestic" | "vendor" | "interpreter", locale = "en") {
  return new ApiClient(stack.apiUrl, stack.publicOrigin, locale).signIn(`${role}@ketnoi.demo`, DEMO_PASSWORD);
}

/** Runs `fn` on a connection of the test's own to the stack's database (for checks the api does not offer). */
export async function withDatabase<T>(stack: FaultStack, fn: (db: Database) => Promise<T>): Promise<T> {
  // The api's revisions are where it keeps them (Redis when the stack has one): writes here tell its caches.
  const db = await connectDatabase(stack.mongodbUri, { autoIndex: false, ...(stack.redisUrl ? { revisionsRedisUrl: stack.redisUrl } : {}) });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Listed, approved foreign firms the company has no meeting with yet. */
export async function freshPartners(stack: FaultStack, companyId: string, n: number): Promise<string[]> {
  return withDatabase(stack, async (db) => {
    const met = await db.models.Meeting.find({ parties: new Types.ObjectId(companyId) }, { parties: 1 }).lean();
    const busy = new Set(met.flatMap((m) => (m.parties as Types.ObjectId[]).map((p) => p.toHexString())));
    const firms = await db.models.Company.find({ kind: "foreign", listed: true, status: { $ne: "pending" } }, { _id: 1 }).lean();
    const ids = firms.map((f) => f._id.toHexString()).filter((id) => !busy.has(id));
    if (ids.length < n) throw new Error(`only ${ids.length} firms left to meet, ${n} needed`);
    return ids.slice(0, n);
  });
}

/** One free common slot per partner, all different (so bookings made at once do not compete). */
export async function distinctSlots(client: ApiClient, partners: string[]): Promise<{ with: string; slot: string }[]> {
  const used = new Set<string>();
  const out: { with: string; slot: string }[] = [];
  for (const partner of partners) {
    const slots = expectStatus(await client.get(`/api/meetings/slots?with=${partner}`), 200, "free slots").body as { id: string }[];
    const slot = slots.find((s) => !used.has(s.id));
    if (!slot) throw new Error(`no free slot left with ${partner}`);
    used.add(slot.id);
    out.push({ with: partner, slot: slot.id });
  }
  return out;
}

/** How many meetings the database holds between these two companies (in this status, or any). */
export function meetingsBetween(db: Database, a: string, b: string, status?: string) {
  const filter: Record<string, unknown> = { parties: { $all: [new Types.ObjectId(a), new Types.ObjectId(b)] } };
  if (status) filter.status = status;
  return db.models.Meeting.countDocuments(filter);
}

/**
 * Whether the pair's one-live-meeting claim is held by a meeting that was never stored: a booking the
 * api was killed in the middle of. The api's orphan sweep frees such a claim after its grace time.
 */
export async function pairClaimWithoutMeeting(db: Database, a: string, b: string) {
  const suffix = `:${[a, b].sort().join(":")}`;
  const claims = await db.models.Reservation.find({}).lean();
  const pair = claims.find((r) => r._id.startsWith("pair:") && r._id.endsWith(suffix));
  return Boolean(pair && !(await db.models.Meeting.exists({ _id: pair.meetingId })));
}

/** Waits until the api's /api/health answers 200 (every required dependency up). */
export function healthy(stack: FaultStack, client: ApiClient, timeoutMs = 90_000) {
  return waitFor("the api's /api/health to answer 200", async () => (await client.get("/api/health", { timeoutMs: 10_000 })).status === 200, {
    timeoutMs,
    intervalMs: 500,
  }).catch((err: Error) => {
    throw new Error(`${err.message}\n${stack.logs()}`);
  });
}

/** An error answer that means "retry later": 503, Retry-After in seconds, the service_unavailable code. */
export function expectUnavailable(reply: { status: number; headers: Headers; body: unknown }, what: string) {
  if (reply.status !== 503) throw new Error(`${what}: expected 503, got ${reply.status} ${JSON.stringify(reply.body)}`);
  const retryAfter = reply.headers.get("retry-after");
  if (!retryAfter || !/^\d+$/.test(retryAfter)) throw new Error(`${what}: 503 without a Retry-After in seconds (${retryAfter})`);
  if ((reply.body as { error?: { code?: string } } | undefined)?.error?.code !== "service_unavailable")
    throw new Error(`${what}: unexpected error body ${JSON.stringify(reply.body)}`);
}

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A handshake token from the api: the signed-in user's, or a guest's for an anonymous client. */
export async function socketToken(client: ApiClient): Promise<string> {
  return (expectStatus(await client.post("/api/realtime/token", {}), 200, "socket token").body as { token: string }).token;
}

const openSockets = new Set<LiveSocket>();

/** A Socket.IO client on one realtime node (WebSocket only, as behind the gateway). */
export function liveSocket(url: string, token: string, { reconnection = false } = {}): LiveSocket {
  const socket: LiveSocket = ioClient(url, {
    path: SOCKET_PATH,
    transports: ["websocket"],
    forceNew: true,
    reconnection,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    auth: { token },
  });
  openSockets.add(socket);
  return socket;
}

/** Closes every socket a test opened (for afterAll: a reconnecting socket left behind keeps Jest running). */
export function closeAllSockets() {
  for (const socket of openSockets) socket.disconnect();
  openSockets.clear();
}

/** Resolves once connected; rejects with the reason when refused or after `ms`. */
export function connectedWithin(socket: LiveSocket, ms = 10_000): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket not connected within ${ms} ms`)), ms);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve();
    });
    if (!socket.io.opts.reconnection) {
      socket.once("connect_error", (err) => {
        clearTimeout(timer);
        reject(err);
      });
    }
  });
}

/** What the realtime service sends with an event of this name. */
type LivePayload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** The next event of this name that satisfies `until`, or an error after `ms`. */
export function nextLiveEvent<E extends keyof ServerToClientEvents>(
  socket: LiveSocket,
  event: E,
  until: (payload: LivePayload<E>) => boolean = () => true,
  ms = 10_000,
): Promise<LivePayload<E>> {
  // Untyped for on/off: socket.io's listener types do not resolve for an event name still generic here.
  const s = socket as unknown as Socket;
  const name: string = event;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(name, on);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const on = (payload: LivePayload<E>) => {
      if (!until(payload)) return;
      clearTimeout(timer);
      s.off(name, on);
      resolve(payload);
    };
    s.on(name, on);
  });
}

/** A realtime node's own health (GET /healthz). */
export async function nodeHealth(url: string): Promise<{ status: string; redis?: string }> {
  const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) });
  return (await res.json()) as { status: string; redis?: string };
}
