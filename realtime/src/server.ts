import { createServer, type Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { Logger } from "pino";
import { type ClientToServerEvents, endedSessionKey, rooms, SOCKET_PATH, type ServerToClientEvents, verifyRealtimeToken } from "@ketnoi/contracts";
import type { RealtimeConfig } from "./config";
import { boothCounts, boothPresence, handleRooms, type NodeEvents, type SocketData } from "./rooms";
import { coalesce } from "./coalesce";
import { createHallBoothCounts } from "./hallBoothCounts";
import { writeTogether } from "./writeTogether";

/** Presence (the hall's visitor count, a booth's people and count) is sent at most once per this, per node and booth. */
const PRESENCE_WINDOW_MS = 500;
/** How long a closing node keeps its Redis publisher after its subscriber, for answers to requests it heard just before. */
const ANSWER_GRACE_MS = 200;

const CLIENT_EVENTS = new Set(["room:join", "room:leave"]);

export interface RealtimeServer {
  http: HttpServer;
  io: Server<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;
  close(): Promise<void>;
}

/**
 * The Socket.IO service. With REDIS_URL, nodes share rooms and broadcasts through the Redis adapter;
 * without it, one node serves on its own. GET /healthz answers for the process itself.
 * A socket must present the api's signed token in `handshake.auth.token` (never the URL): without a
 * valid one the connection is refused. Each socket joins its user's room; meeting and booth rooms
 * need a ticket (rooms.ts). The api publishes to these rooms through Redis; this service delivers.
 */
export async function createRealtimeServer(config: RealtimeConfig, logger: Logger): Promise<RealtimeServer> {
  // While Redis is away each node keeps serving its own sockets (events reach only them): degraded.
  let redisReady = () => true;
  const http = createServer((req, res) => {
    if (req.url === "/healthz") {
      const body = !config.REDIS_URL ? { status: "ok" } : redisReady() ? { status: "ok", redis: "up" } : { status: "degraded", redis: "down" };
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
    } else {
      res.writeHead(404).end();
    }
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>(http, {
    path: SOCKET_PATH,
    cors: { origin: config.PUBLIC_ORIGIN, credentials: true },
    serveClient: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
  });
  // The packets a burst from Redis queues for a client leave in one write (writeTogether.ts).
  writeTogether(io.engine);

  // Every booth's visitor count for a newcomer's booth cards: counted across nodes once, then kept
  // current by every node's announcements (each node tells the others what it announced).
  // Presence work in flight: close() lets it finish before it quits Redis. The adapter's fetchSockets
  // awaits the server count and then publishes its request on a client that must still be open (it
  // does not handle that publish failing: a rejection nothing catches).
  const inFlight = new Set<Promise<unknown>>();
  const tracked =
    <T>(work: () => Promise<T>) =>
    (): Promise<T> => {
      const running = work();
      inFlight.add(running);
      running.then(
        () => inFlight.delete(running),
        () => inFlight.delete(running),
      );
      return running;
    };
  const hallCounts = createHallBoothCounts(tracked(async () => boothCounts(await io.fetchSockets())));
  io.on("booth:count", (companyId, visitors) => hallCounts.set(companyId, visitors));

  /** The subscriber, then the publisher. */
  const redisClients: { quit(): Promise<unknown> }[] = [];
  // Whether the api marked a session as ended (signed out): its tokens are refused though not expired.
  let sessionEnded = async (_sid: string) => false;
  if (config.REDIS_URL) {
    const pub = createClient({ url: config.REDIS_URL });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on("error", (err: Error) => logger.warn({ err: err.message }, "redis error"));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub, { key: config.REALTIME_CHANNEL }));
    redisClients.push(sub, pub); // quit in this order (close())
    redisReady = () => pub.isReady && sub.isReady;
    pub.on("ready", () => logger.info("redis connected"));
    // Other nodes' announcements made while Redis was away never arrived: count afresh.
    sub.on("ready", () => hallCounts.forget());
    sessionEnded = async (sid) => {
      // While Redis is away nothing can be checked (nor was a sign-out recorded): the token's own
      // two-minute expiry is the bound then. Bounded in time, so a handshake never hangs on Redis.
      if (!pub.isReady) return false;
      try {
        return (await pub.sendCommand<number>(["EXISTS", endedSessionKey(sid)], { timeout: 1000 })) === 1;
      } catch (err) {
        logger.warn({ err: (err as Error).message }, "could not check for an ended session");
        return false;
      }
    };
  }

  let closing = false;
  const broadcastVisitors = tracked(async () => {
    if (closing) return; // the Redis clients may already be gone
    // Without Redis the other nodes cannot be asked (the request would wait for the reconnection):
    // this node counts and tells its own sockets.
    const hall = redisReady() ? io.in("hall") : io.local.in("hall");
    const sockets = await hall.fetchSockets();
    if (closing) return;
    (redisReady() ? io.to("hall") : io.local.to("hall")).emit("hall:visitors", { count: sockets.length });
  });
  const tellVisitors = coalesce(broadcastVisitors, PRESENCE_WINDOW_MS, (err) => logger.warn({ err }, "visitor count failed"));
  const boothCountsNow = async () => (redisReady() ? hallCounts.all() : boothCounts(await io.local.fetchSockets()));
  // The booths whose count changed, told to the hall in one message per window (a crowd moving
  // between 100 booths would otherwise send each hall socket 100 messages per window).
  const hallHears = new Map<string, number>();
  const tellHallCounts = coalesce(
    async () => {
      if (closing || !hallHears.size) return;
      const changed = Object.fromEntries(hallHears);
      hallHears.clear();
      (redisReady() ? io.to("hall") : io.local.to("hall")).emit("booths:counts", changed);
    },
    PRESENCE_WINDOW_MS,
    (err) => logger.warn({ err }, "booth counts failed"),
  );
  // Who is in a booth, to the booth; its visitor count, to the hall's booth cards. Per booth, coalesced.
  const boothAnnouncers = new Map<string, () => void>();
  const announceBooth = (companyId: string) => {
    let announce = boothAnnouncers.get(companyId);
    if (!announce) {
      announce = coalesce(
        tracked(async () => {
          const presence = await boothPresence(io, companyId);
          if (closing) return;
          // The other nodes hear the count before their sockets do (one Redis connection publishes both,
          // in order): a newcomer arriving there after the hall heard it is told it too.
          hallCounts.set(companyId, presence.visitors);
          if (redisReady()) io.serverSideEmit("booth:count", companyId, presence.visitors);
          io.to(`booth:${companyId}`).emit("booth:presence", presence);
          hallHears.set(companyId, presence.visitors);
          tellHallCounts();
        }),
        PRESENCE_WINDOW_MS,
        (err) => logger.warn({ err }, "booth presence failed"),
      );
      boothAnnouncers.set(companyId, announce);
    }
    announce();
  };
  io.use((socket, next) => {
    const auth = socket.handshake.auth as Record<string, unknown> | undefined;
    void verifyRealtimeToken(config.REALTIME_SECRET, "socket", auth?.token).then(async (claims) => {
      // A token of a session that has ended (signed out) is refused at once, not when it expires.
      if (!claims || (claims.sid && (await sessionEnded(claims.sid)))) return next(new Error("unauthenticated"));
      socket.data.user = claims;
      socket.data.access = {};
      next();
    }, next);
  });
  io.on("connection", (socket) => {
    const { user } = socket.data;
    void socket.join(rooms.user(user.sub));
    if (user.sid) void socket.join(rooms.session(user.sid));
    handleRooms(socket, { secret: config.REALTIME_SECRET, sessionEnded, announceBooth });
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (!CLIENT_EVENTS.has(event) && typeof ack === "function") ack({ ok: false, error: { code: "bad_request", message: "unknown event" } });
    });
    void socket.join("hall");
    tellVisitors();
    void boothCountsNow()
      .then((counts) => !closing && socket.emit("booths:counts", counts))
      .catch((err) => logger.warn({ err }, "booth counts failed"));
    socket.on("disconnect", tellVisitors);
  });

  return {
    http,
    io,
    async close() {
      closing = true;
      // This node's sockets only (without `local` the Redis adapter asks every other node to drop its
      // sockets, and none here); each is told with a DISCONNECT packet before its connection closes.
      io.local.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
      // The subscriber first: another node's request heard until then is answered on the publisher
      // (the adapter's onrequest awaits, then publishes, and nothing handles a publish on a closed
      // client), so the publisher goes a moment later (a fixed-clock CI pass failed on this once).
      const [sub, pub] = redisClients;
      if (sub) await sub.quit().catch(() => undefined);
      if (pub) {
        await new Promise((resolve) => setTimeout(resolve, ANSWER_GRACE_MS));
        await pub.quit().catch(() => undefined);
      }
    },
  };
}
