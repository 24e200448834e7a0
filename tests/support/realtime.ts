import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@ketnoi/contracts";
import { createRealtimeServer, type RealtimeServer } from "../../realtime/src/server";
import { TEST_REALTIME_SECRET } from "./app";
import { silentLogger } from "./stack";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A realtime node on a free port, verifying tokens signed with the test apps' secret. */
export async function startRealtimeNode(redisUrl?: string, channel = "socket.io"): Promise<{ server: RealtimeServer; url: string }> {
  const server = await createRealtimeServer(
    {
      REALTIME_HOST: "127.0.0.1",
      REALTIME_PORT: 0,
      PUBLIC_ORIGIN: "http://localhost:8080",
      REALTIME_SECRET: TEST_REALTIME_SECRET,
      REDIS_URL: redisUrl,
      REALTIME_CHANNEL: channel,
      LOG_LEVEL: "silent",
    },
    silentLogger(),
  );
  await new Promise<void>((resolve) => server.http.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.http.address() as AddressInfo).port}` };
}

/** A Socket.IO client with this handshake token (none: an anonymous attempt). */
export function socketClient(url: string, token?: string): TestSocket {
  return connect(url, { path: "/socket.io/", transports: ["websocket"], forceNew: true, reconnection: false, ...(token ? { auth: { token } } : {}) });
}

/** Resolves once connected; rejects with the server's reason when refused. */
export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
}

/** The next event of this name that satisfies `until`, or a timeout error. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  until: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  ms = 5000,
) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${ms} ms`)), ms);
    const on = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!until(payload)) return;
      clearTimeout(timer);
      (socket as unknown as Socket).off(event as string, on);
      resolve(payload);
    };
    (socket as unknown as Socket).on(event as string, on);
  });
}

/** Emits with an acknowledgement and resolves with it. */
export function emitAck(
  socket: TestSocket,
  event: string,
  payload: unknown,
): Promise<{ ok: boolean; error?: { code: string }; [k: string]: unknown }> {
  return (socket as unknown as Socket).timeout(5000).emitWithAck(event, payload);
}
