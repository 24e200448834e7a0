import { connect, createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A TCP load balancer on loopback, as a deployment puts in front of its replicas (nginx, a cloud load
 * balancer): each connection goes to the first upstream port that accepts it, tried in the given order
 * or, with `rotate`, starting from the next one each time. A replica that is down is skipped; the
 * connections it carried break, and the clients' reconnections land on a live one.
 */
export async function tcpBalancer(upstreams: number[], { rotate = false } = {}) {
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  };
  let next = 0;
  const server = createServer((client) => {
    track(client);
    client.pause();
    const start = rotate ? next++ % upstreams.length : 0;
    const order = [...upstreams.slice(start), ...upstreams.slice(0, start)];
    const attempt = (i: number) => {
      if (i >= order.length || client.destroyed) return void client.destroy();
      const upstream = connect({ host: "127.0.0.1", port: order[i]! });
      track(upstream);
      upstream.once("error", () => attempt(i + 1));
      upstream.once("connect", () => {
        upstream.removeAllListeners("error");
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        upstream.once("close", () => client.destroy());
        client.once("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    /** Closes the listener and every connection through it. */
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
