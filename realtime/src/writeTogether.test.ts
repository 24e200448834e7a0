import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server, type Socket as ServerSocket } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { writeTogether } from "./writeTogether";

/** A Socket.IO server with writeTogether, counting the writes each connection's TCP socket makes. */
async function startServer(slice?: number) {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  writeTogether(io.engine, slice);
  /** Each connection's TCP writes, by the stream method that made them (one buffer: _write; several: _writev). */
  const writes = new Map<unknown, string[]>();
  io.engine.on("connection", (conn: { transport: { name: string; socket?: { _socket?: Record<string, unknown> } } }) => {
    const tcp = conn.transport.socket?._socket;
    if (!tcp) return; // long-polling: nothing to count
    writes.set(conn, []);
    for (const method of ["_write", "_writev"]) {
      const original = tcp[method] as (...args: unknown[]) => void;
      tcp[method] = (...args: unknown[]) => {
        writes.get(conn)!.push(method);
        return original.apply(tcp, args);
      };
    }
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const pairs: { client: ClientSocket; server: ServerSocket }[] = [];
  return {
    io,
    /** Writes made since the socket connected (the handshake's CONNECT answer among them). */
    writes: (socket: ServerSocket) => writes.get(socket.conn)!.length,
    /** The methods of the writes made since the socket connected. */
    writeMethods: (socket: ServerSocket) => [...writes.get(socket.conn)!],
    async client(transports = ["websocket"]) {
      const client = connect(url, { transports, forceNew: true, reconnection: false });
      const [server] = await Promise.all([
        new Promise<ServerSocket>((resolve) => io.once("connection", resolve)),
        new Promise<void>((resolve) => client.once("connect", () => resolve())),
      ]);
      pairs.push({ client, server });
      return { client, server };
    },
    async close() {
      // The clients leave first and the server sees each connection closed (a long-polling client posts its close): nothing is left in flight.
      await Promise.all(
        pairs.map(({ client, server }) => {
          const gone = server.conn.readyState === "closed" ? undefined : new Promise((resolve) => server.conn.once("close", resolve));
          client.close();
          return gone;
        }),
      );
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/** The next `n` events a client receives, by name and first argument. */
const received = (client: ClientSocket, n: number) =>
  new Promise<[string, unknown][]>((resolve) => {
    const got: [string, unknown][] = [];
    client.onAny((event: string, arg: unknown) => {
      got.push([event, arg]);
      if (got.length === n) resolve(got);
    });
  });

/** Lets the writes of the current run finish (a run goes on in setImmediate turns). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("writeTogether", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  afterEach(() => server.close());

  test("a socket's packets of one callback leave in one write, in order", async () => {
    server = await startServer();
    const { client, server: socket } = await server.client();
    await settled();
    const before = server.writes(socket);
    const got = received(client, 3);
    socket.emit("a", 1);
    server.io.emit("b", 2); // a broadcast too
    socket.emit("c", 3);
    expect(await got).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect(server.writes(socket) - before).toBe(1);
  });

  test("broadcasts alone leave as one buffer of their ready-made frames; the socket's own packets after them go as usual", async () => {
    server = await startServer();
    const { client, server: socket } = await server.client();
    await settled();
    const before = server.writeMethods(socket).length;
    const broadcasts = received(client, 2);
    server.io.emit("hall", { n: 1 });
    server.io.to(socket.id).emit("booth", "é"); // a room of its own: another frame, UTF-8
    expect(await broadcasts).toEqual([
      ["hall", { n: 1 }],
      ["booth", "é"],
    ]);
    // One write of one buffer: no writev of each frame's header and payload.
    expect(server.writeMethods(socket).slice(before)).toEqual(["_write"]);
    const own = received(client, 1);
    socket.emit("own", 3); // not a broadcast: Engine.IO's own way, which must find the transport ready
    expect(await own).toEqual([["own", 3]]);
    expect(server.writeMethods(socket).slice(before)).toEqual(["_write", "_writev"]);
  });

  test("a broadcast behind a slow client's unfinished write waits for it and follows it through Engine.IO", async () => {
    server = await startServer();
    const { client, server: socket } = await server.client();
    await settled();
    const before = server.writeMethods(socket).length;
    // The client stops reading: the server's write of a large packet cannot finish, and Engine.IO's transport
    // stays busy with it.
    const clientTcp = (client.io.engine.transport as unknown as { ws: { _socket: { pause(): void; resume(): void } } }).ws._socket;
    clientTcp.pause();
    const got = received(client, 2);
    socket.emit("own", "x".repeat(8 * 1024 * 1024));
    while (server.writeMethods(socket).length === before) await settled();
    expect(socket.conn.transport.writable).toBe(false);
    server.io.emit("hall", 2);
    await settled();
    clientTcp.resume();
    expect((await got).map(([event]) => event)).toEqual(["own", "hall"]);
    // Both went Engine.IO's way (a corked writev each), the broadcast not straight to the TCP socket.
    expect(server.writeMethods(socket).slice(before)).toEqual(["_writev", "_writev"]);
  });

  test("what the node reads before a run starts joins it: one write a socket", async () => {
    server = await startServer(2);
    const sockets = [];
    for (let i = 0; i < 5; i++) sockets.push(await server.client());
    await settled();
    const before = sockets.map((s) => server.writes(s.server));
    const got = sockets.map((s) => received(s.client, 2));
    server.io.emit("first", 1);
    // The rest of a burst, read on the loop's next turn.
    setImmediate(() => server.io.emit("second", 2));
    for (const g of got)
      expect(await g).toEqual([
        ["first", 1],
        ["second", 2],
      ]);
    await settled();
    expect(sockets.map((s, i) => server.writes(s.server) - before[i]!)).toEqual([1, 1, 1, 1, 1]);
  });

  test("a run longer than a slice lets reads in: what arrives meanwhile joins the sockets not yet written", async () => {
    server = await startServer(2);
    const sockets: Awaited<ReturnType<typeof server.client>>[] = [];
    for (let i = 0; i < 5; i++) sockets.push(await server.client());
    await settled();
    const before = sockets.map((s) => server.writes(s.server));
    const written = () => sockets.reduce((sum, s, i) => sum + server.writes(s.server) - before[i]!, 0);
    const got = sockets.map((s) => received(s.client, 2));
    server.io.emit("first", 1);
    // Comes between the first slice (2 sockets) and the next.
    const afterFirstSlice = () => (written() < 2 ? setImmediate(afterFirstSlice) : server.io.emit("second", 2));
    setImmediate(afterFirstSlice);
    for (const g of got)
      expect(await g).toEqual([
        ["first", 1],
        ["second", 2],
      ]);
    await settled();
    const writes = sockets.map((s, i) => server.writes(s.server) - before[i]!);
    // The first slice's sockets were written before "second" came: a write for each; the others, one.
    expect(writes.sort()).toEqual([1, 1, 1, 2, 2]);
  });

  test("packets queued before a disconnect, a broadcast among them, still reach the client first", async () => {
    server = await startServer();
    const { client, server: socket } = await server.client();
    const got = received(client, 2);
    const reason = new Promise((resolve) => client.once("disconnect", resolve));
    server.io.emit("all", "closing");
    socket.emit("bye", "now");
    socket.disconnect(true);
    expect(await got).toEqual([
      ["all", "closing"],
      ["bye", "now"],
    ]);
    expect(await reason).toBe("io server disconnect");
  });

  test("a broadcast held when the connection is closed is sent before it closes", async () => {
    server = await startServer();
    const { client, server: socket } = await server.client();
    await settled();
    const got = received(client, 1);
    const reason = new Promise((resolve) => client.once("disconnect", resolve));
    server.io.emit("last", "word");
    socket.conn.close(); // Engine.IO's own close: nothing else is in its queue
    expect(await got).toEqual([["last", "word"]]);
    expect(await reason).toBe("transport close");
  });

  test("a server shutting down tells its sockets first: the disconnect is sent before the connection is dropped", async () => {
    server = await startServer();
    const { client } = await server.client();
    await settled();
    const reason = new Promise((resolve) => client.once("disconnect", resolve));
    server.io.local.disconnectSockets(true);
    await new Promise<void>((resolve) => server.io.close(() => resolve()));
    expect(await reason).toBe("io server disconnect");
  });

  test("a long-polling client is sent its packets as before", async () => {
    server = await startServer();
    const { client, server: socket } = await server.client(["polling"]);
    const got = received(client, 2);
    socket.emit("a", 1);
    socket.emit("b", 2);
    expect(await got).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });
});
