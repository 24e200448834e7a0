import type { Socket as NetSocket } from "node:net";

/** A WebSocket frame as ws's `Sender.frame` makes it: the header and the payload, or both in one buffer. */
type Frame = Buffer[];
/** A packet's options; a broadcast's carry the frame the adapter encoded once for every socket (`wsPreEncodedFrame`, socket.io-adapter 2.5). */
type PacketOptions = { wsPreEncodedFrame?: Frame } & Record<string, unknown>;
/** A packet as Engine.IO queues it (`sendPacket`). */
interface EnginePacket {
  type: string;
  options: PacketOptions;
  data?: unknown;
}

/**
 * What this needs of an Engine.IO socket. `flush` (send what is queued, if the transport can take it),
 * `writeBuffer` and the transport's `writable` are not in engine.io's public types; every packet goes
 * through them (engine.io 6). Socket.IO hands a socket its packets with `write`. A packet with a callback
 * (its `packetsFn`) is never held here, so held packets need no callback.
 */
interface EngineSocket {
  readyState: string;
  transport: {
    name: string;
    writable: boolean;
    socket?: { readyState?: number; _sender?: { _queue?: unknown[] }; _socket?: NetSocket | null };
  };
  /** The packets waiting to be sent. */
  writeBuffer: EnginePacket[];
  flush(): void;
  write(data: unknown, options?: PacketOptions, callback?: unknown): unknown;
  close(discard?: boolean): unknown;
}

/** ws's readyState of an open connection. */
const WS_OPEN = 1;

/** A frame's bytes in one buffer, made once per broadcast (every socket it goes to is sent the same). */
const joined = new WeakMap<Frame, Buffer>();
const bytesOf = (frame: Frame) => {
  let bytes = joined.get(frame);
  if (!bytes) joined.set(frame, (bytes = frame.length === 1 ? frame[0]! : Buffer.concat(frame)));
  return bytes;
};
/** Two broadcasts' bytes one after the other (the hall's and a booth's), made once for every socket in both. */
const pairs = new WeakMap<Buffer, WeakMap<Buffer, Buffer>>();
function pairOf(first: Buffer, second: Buffer): Buffer {
  let after = pairs.get(first);
  if (!after) pairs.set(first, (after = new WeakMap()));
  let bytes = after.get(second);
  if (!bytes) after.set(second, (bytes = Buffer.concat([first, second])));
  return bytes;
}

/**
 * A socket's broadcasts not yet written, as the data and options every socket of each broadcast shares
 * (held[2k], held[2k + 1]): holding one costs the socket no object of its own (a round of the bench would
 * make 20,000 for the young generation to sweep).
 */
type Held = unknown[];
const frameAt = (held: Held, k: number) => bytesOf((held[2 * k + 1] as PacketOptions).wsPreEncodedFrame!);
/** The held broadcasts' frames in one buffer. */
function bytesOfHeld(held: Held): Buffer {
  const count = held.length / 2;
  if (count === 1) return frameAt(held, 0);
  if (count === 2) return pairOf(frameAt(held, 0), frameAt(held, 1));
  return Buffer.concat(Array.from({ length: count }, (_, k) => frameAt(held, k)));
}
/** The held broadcasts as Engine.IO queues packets. */
function packetsOf(held: Held): EnginePacket[] {
  return Array.from({ length: held.length / 2 }, (_, k) => ({ type: "message", data: held[2 * k], options: held[2 * k + 1] as PacketOptions }));
}

/** Whether the websocket can be written to now: open, and no write of Engine.IO's own in flight or queued by ws. */
function idle(socket: EngineSocket) {
  const { transport } = socket;
  const ws = transport.socket;
  // ws queues a frame only while it compresses (off here) or reads a Blob: then it must keep the order itself.
  return socket.readyState === "open" && transport.writable && ws?.readyState === WS_OPEN && !ws._sender?._queue?.length;
}

/** Sockets written in one go: between two slices of a longer run the node reads what has come in meanwhile. */
const SLICE = 1000;

/**
 * Engine.IO writes each packet to its client the moment it is emitted: one system call, one TCP segment
 * and one wake-up of the reader per packet, and while a write is in flight the socket's next packet waits
 * for its callback and goes out in a write of its own. A node relaying a burst from Redis (a notification
 * to the hall and a chat message to each booth: two packets for each of 10,000 sockets) spent most of its
 * time in those writes. With this, a websocket client's packets are written together, in one write, the
 * same frames in the same order. A run of writes starts once the node has read what came in meanwhile (a
 * turn of the event loop later, whose poll does not wait): Redis hands a burst over in several reads, and
 * the rest, which arrives while the node is relaying the first part to 10,000 sockets, joins it instead of
 * costing a thousand sockets a second write. A run over many sockets goes `slice` sockets at a time with
 * the node's reads in between (setImmediate): what arrives meanwhile joins the packets of the sockets not
 * yet written, and handshakes and other clients' messages are not held up for the whole run.
 *
 * A broadcast's packet for a websocket with nothing else waiting is held here rather than queued through
 * Engine.IO (which makes an event and a flush of each of 20,000 packets a round), and the socket's held
 * packets are written straight to its TCP socket as one buffer, past Engine.IO's per-packet work: a write
 * per frame part, a callback per packet, its "drain" and "ready" events, which nothing waits for here. When
 * that cannot be (Engine.IO's own write in flight, the socket not open), the held packets go back to the
 * front of Engine.IO's queue and take its way; a socket being closed is written what waits first. Other
 * transports (HTTP long-polling) go as before.
 */
export function writeTogether(engine: { on(event: "connection", listener: (socket: EngineSocket) => void): unknown }, slice = SLICE) {
  /** The sockets with packets to write, in the order they got their first; due[next] goes next. */
  let due: (() => void)[] = [];
  let next = 0;
  let running = false;
  // An immediate set from within an immediate runs on the loop's next turn, after its poll.
  const afterNextRead = () => setImmediate(writeSome);
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
    const writeNow = socket.write.bind(socket);
    const closeNow = socket.close.bind(socket);
    /** Broadcasts for this socket not yet written, ahead of everything in its writeBuffer (emptied, never replaced). */
    const held: Held = [];
    /** Gives the held packets back to Engine.IO, first in its queue. */
    const release = () => {
      if (!held.length) return;
      socket.writeBuffer.unshift(...packetsOf(held));
      held.length = 0;
    };
    let queued = false;
    const write = () => {
      queued = false;
      // The websocket's TCP socket (ws keeps it as _socket).
      const tcp = socket.transport.socket?._socket;
      if (held.length) {
        if (tcp && idle(socket)) {
          tcp.write(bytesOfHeld(held));
          held.length = 0;
        } else release();
      }
      if (!socket.writeBuffer.length) return;
      // Corked, the frames written below go out in one writev.
      tcp?.cork();
      try {
        flushNow();
      } finally {
        tcp?.uncork();
      }
    };
    const schedule = () => {
      if (queued) return;
      queued = true;
      due.push(write);
      if (!running) {
        running = true;
        setImmediate(afterNextRead);
      }
    };
    socket.write = (data, options, callback) => {
      if (
        options?.wsPreEncodedFrame &&
        callback === undefined &&
        socket.readyState === "open" &&
        socket.transport.name === "websocket" &&
        !socket.writeBuffer.length
      ) {
        held.push(data, options);
        schedule();
        return socket;
      }
      // Queued by Engine.IO: written after what is held (write()).
      return writeNow(data, options, callback);
    };
    socket.flush = () => {
      if (socket.transport.name !== "websocket") return flushNow();
      // Also called when a write completes, mostly with nothing left to send.
      if (held.length || socket.writeBuffer.length) schedule();
    };
    // What waits goes out before the close: a server shutting down closes each socket with `discard`,
    // which drops Engine.IO's queue (a socket told it is disconnected must get that packet first), and
    // otherwise Engine.IO's close waits for its queue, where write() puts held packets it cannot write now.
    socket.close = (discard) => {
      if (socket.transport.name === "websocket" && (held.length || socket.writeBuffer.length)) write();
      return closeNow(discard);
    };
  });
}
