import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server, type Socket } from "socket.io";
import { WireClient } from "./realtimeWire";

/** A Socket.IO server as the realtime service's is set up: the token in handshake.auth, acknowledged events. */
async function startServer() {
  const http = createServer();
  // Pings every 50 ms, closing a connection that has not answered within 50 ms more.
  const io = new Server(http, { serveClient: false, pingInterval: 50, pingTimeout: 50 });
  io.use((socket, next) => next((socket.handshake.auth as { token?: string }).token === "good" ? undefined : new Error("unauthenticated")));
  io.on("connection", (socket) => socket.on("room:join", (arg: unknown, ack: (r: unknown) => void) => ack({ ok: true, echo: arg })));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { io, port: (http.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => io.close(() => resolve())) };
}

describe("the bench's wire client", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const clients: WireClient[] = [];
  beforeEach(async () => (server = await startServer()));
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  const client = (token: string, events: [string, unknown[]][] = [], disconnects: string[] = []) => {
    const c = new WireClient(
      { host: "127.0.0.1", port: server.port, path: "/socket.io/", auth: { token }, timeout: 5000 },
      { event: (name, args) => events.push([name, args]), disconnect: (reason) => disconnects.push(reason) },
    );
    clients.push(c);
    return c;
  };
  const serverSocket = () => new Promise<Socket>((resolve) => server.io.once("connection", resolve));

  test("connects with the token, gets events in order (one larger than a read), is acknowledged, answers pings", async () => {
    const events: [string, unknown[]][] = [];
    const joined = serverSocket();
    const c = client("good", events);
    await c.connected();
    const socket = await joined;
    const big = "x".repeat(300_000); // a 64-bit length, over several reads
    socket.emit("a", 1, "two");
    socket.emit("b", { big });
    socket.emit("é", "ü");
    expect(await c.emitWithAck("room:join", { ticket: "t" }, 5000)).toEqual({ ok: true, echo: { ticket: "t" } });
    await new Promise((resolve) => setTimeout(resolve, 300)); // several ping intervals
    expect(socket.connected).toBe(true);
    expect(events).toEqual([
      ["a", [1, "two"]],
      ["b", [{ big }]],
      ["é", ["ü"]],
    ]);
  });

  test("a refused handshake rejects with the server's reason", async () => {
    await expect(client("bad").connected()).rejects.toThrow("unauthenticated");
  });

  test("a disconnect by the server is reported; close() leaves as socket.io-client does", async () => {
    const disconnects: string[] = [];
    let joined = serverSocket();
    const c = client("good", [], disconnects);
    await c.connected();
    (await joined).disconnect(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(disconnects).toEqual(["io server disconnect"]);

    joined = serverSocket();
    const d = client("good");
    await d.connected();
    const socket = await joined;
    const reason = new Promise((resolve) => socket.once("disconnect", resolve));
    d.close();
    expect(await reason).toBe("client namespace disconnect");
  });
});
