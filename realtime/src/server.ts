import { createServer, type Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { Logger } from "pino";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@ketnoi/contracts";
import type { RealtimeConfig } from "./config";

export interface RealtimeServer {
  http: HttpServer;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  close(): Promise<void>;
}

/**
 * The Socket.IO service. With REDIS_URL, nodes share rooms and broadcasts through the Redis adapter;
 * without it, one node serves on its own. GET /healthz answers for the process itself.
 */
export async function createRealtimeServer(config: RealtimeConfig, logger: Logger): Promise<RealtimeServer> {
  const http = createServer((req, res) => {
    if (req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
    } else {
      res.writeHead(404).end();
    }
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
    path: SOCKET_PATH,
    cors: { origin: config.PUBLIC_ORIGIN, credentials: true },
    serveClient: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
  });

  const redisClients: { quit(): Promise<unknown> }[] = [];
  if (config.REDIS_URL) {
    const pub = createClient({ url: config.REDIS_URL });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on("error", (err: Error) => logger.warn({ err: err.message }, "redis error"));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    redisClients.push(pub, sub);
  }

  let closing = false;
  const broadcastVisitors = async () => {
    if (closing) return; // the Redis clients may already be gone
    const sockets = await io.in("hall").fetchSockets();
    if (closing) return;
    io.to("hall").emit("hall:visitors", { count: sockets.length });
  };
  io.on("connection", (socket) => {
    void socket.join("hall");
    void broadcastVisitors().catch((err) => logger.warn({ err }, "visitor count failed"));
    socket.on("disconnect", () => void broadcastVisitors().catch(() => undefined));
  });

  return {
    http,
    io,
    async close() {
      closing = true;
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.allSettled(redisClients.map((c) => c.quit()));
    },
  };
}
