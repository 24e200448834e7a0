import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import type { HallVisitors } from "@ketnoi/contracts";
import { createRealtimeServer, type RealtimeServer } from "../../realtime/src/server";
import { silentLogger, stack } from "../support/stack";

async function startNode(redisUrl?: string): Promise<{ server: RealtimeServer; url: string }> {
  const server = await createRealtimeServer(
    { REALTIME_HOST: "127.0.0.1", REALTIME_PORT: 0, PUBLIC_ORIGIN: "http://localhost:8080", REDIS_URL: redisUrl, LOG_LEVEL: "silent" },
    silentLogger(),
  );
  await new Promise<void>((resolve) => server.http.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.http.address() as AddressInfo).port}` };
}

function client(url: string): Socket {
  return connect(url, { path: "/socket.io/", transports: ["websocket"], forceNew: true });
}

/** Resolves with the first hall:visitors payload that satisfies `until`. */
function visitors(socket: Socket, until: (n: number) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const onVisitors = ({ count }: HallVisitors) => {
      if (until(count)) {
        socket.off("hall:visitors", onVisitors);
        resolve(count);
      }
    };
    socket.on("hall:visitors", onVisitors);
  });
}

describe("realtime service", () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  test("two nodes sharing Redis deliver a broadcast to a client on the other node", async () => {
    const a = await startNode(stack.redisUrl());
    const b = await startNode(stack.redisUrl());
    cleanup.push(() => a.server.close(), () => b.server.close());
    const onA = client(a.url);
    cleanup.push(() => void onA.disconnect());
    await visitors(onA, (n) => n >= 1);
    // The client on node A hears about the visitor who arrives on node B.
    const seenOnA = visitors(onA, (n) => n === 2);
    const onB = client(b.url);
    cleanup.push(() => void onB.disconnect());
    expect(await seenOnA).toBe(2);
  });

  test("without Redis a single node serves on its own", async () => {
    const solo = await startNode(undefined);
    cleanup.push(() => solo.server.close());
    const socket = client(solo.url);
    cleanup.push(() => void socket.disconnect());
    expect(await visitors(socket, (n) => n >= 1)).toBe(1);
    const health = await fetch(`${solo.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
