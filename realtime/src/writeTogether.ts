import type { Socket as NetSocket } from "node:net";

/**
 * What this needs of an Engine.IO socket. `flush` (send what is queued, if the transport can take it) and
 * `writeBuffer` are not in engine.io's public types; every packet goes through them (engine.io 6).
 */
interface EngineSocket {
  transport: { name: string; socket?: { _socket?: NetSocket | null } };
  /** The packets waiting to be sent. */
  writeBuffer: unknown[];
  flush(): void;
}

/** Sockets written in one go: between two slices of a longer run the node reads what has come in meanwhile. */
const SLICE = 1000;

/**
 * Engine.IO writes each packet to its client the moment it is emitted: one system call, one TCP segment
 * and one wake-up of the reader per packet, and while a write is in flight the socket's next packet waits
 * for its callback and goes out in a write of its own. A node relaying a burst from Redis (a notification
 * to the hall and a chat message to each booth: two packets for each of 10,000 sockets) spent most of its
 * time in those writes. With this, a websocket client's packets queued while a callback runs (all the
 * messages of one read from Redis) are written together when it returns (a microtask), in one write, the
 * same frames in the same order. A run over many sockets goes `slice` sockets at a time with the node's
 * reads in between (setImmediate): the rest of a burst, which Redis hands over in several reads, joins the
 * packets of the sockets not yet written instead of costing each a second write, and handshakes and other
 * clients' messages are not held up for the whole run. Other transports (HTTP long-polling) flush as before.
 */
export function writeTogether(engine: { on(event: "connection", listener: (socket: EngineSocket) => void): unknown }, slice = SLICE) {
  /** The sockets with packets to write, in the order they got their first; due[next] goes next. */
  let due: (() => void)[] = [];
  let next = 0;
  let running = false;
  const writeSome = () => {
    const end = Math.min(due.length, next + slice);
    try {
      while (next < end) due[next++]!();
    } finally {
      if (next < due.length) setImmediate(writeSome);
      else {
        due = [];
        next = 0;
        running = false;
      }
    }
  };
  engine.on("connection", (socket) => {
    const flushNow = socket.flush.bind(socket);
    let queued = false;
    const write = () => {
      queued = false;
      // The websocket's TCP socket (ws keeps it as _socket): corked, the frames written below go out in one writev.
      const tcp = socket.transport.socket?._socket;
      tcp?.cork();
      try {
        flushNow();
      } finally {
        tcp?.uncork();
      }
    };
    socket.flush = () => {
      if (socket.transport.name !== "websocket") return flushNow();
      // Also called when a write completes, mostly with nothing left to send.
      if (queued || !socket.writeBuffer.length) return;
      queued = true;
      due.push(write);
      if (!running) {
        running = true;
        queueMicrotask(writeSome);
      }
    };
  });
}
