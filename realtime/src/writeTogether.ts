import type { Socket as NetSocket } from "node:net";

/** A WebSocket frame as ws's `Sender.frame` makes it: the header and the payload, or both in one buffer. */
type Frame = Buffer[];

/**
 * What this needs of an Engine.IO socket. `flush` (send what is queued, if the transport can take it),
 * `writeBuffer`, `packetsFn` and the transport's `writable` are not in engine.io's public types; every
 * packet goes through them (engine.io 6). A broadcast's packets carry the frame the adapter encoded once
 * for every socket (`wsPreEncodedFrame`, socket.io-adapter 2.5).
 */
interface EngineSocket {
  readyState: string;
  transport: {
    name: string;
    writable: boolean;
    socket?: { readyState?: number; _sender?: { _queue?: unknown[] }; _socket?: NetSocket | null };
  };
  /** The packets waiting to be sent. */
  writeBuffer: { options?: { wsPreEncodedFrame?: Frame } }[];
  /** The callbacks of the packets waiting, called once they are written. */
  packetsFn: unknown[];
  flush(): void;
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
function bytesOfAll(frames: Buffer[]): Buffer {
  if (frames.length === 1) return frames[0]!;
  if (frames.length > 2) return Buffer.concat(frames);
  const [first, second] = frames as [Buffer, Buffer];
  let after = pairs.get(first);
  if (!after) pairs.set(first, (after = new WeakMap()));
  let bytes = after.get(second);
  if (!bytes) after.set(second, (bytes = Buffer.concat(frames)));
  return bytes;
}

/**
 * The frames waiting for a socket, when all of them are broadcasts' ready-made frames and nothing waits
 * to be told they were written; otherwise null (the packets go through Engine.IO as usual).
 */
function readyFrames(socket: EngineSocket): Buffer[] | null {
  const { transport, writeBuffer } = socket;
  const ws = transport.socket;
  // ws queues a frame only while it compresses (off here) or reads a Blob: then it must keep the order itself.
  if (socket.readyState !== "open" || !transport.writable || ws?.readyState !== WS_OPEN || ws._sender?._queue?.length) return null;
  if (socket.packetsFn.length) return null;
  const frames: Buffer[] = [];
  for (const packet of writeBuffer) {
    const frame = packet.options?.wsPreEncodedFrame;
    if (!frame) return null;
    frames.push(bytesOf(frame));
  }
  return frames;
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
 * clients' messages are not held up for the whole run. A socket's packets that are all broadcasts (the frame
 * encoded once by the adapter) are written straight to its TCP socket as one buffer, past Engine.IO's
 * per-packet work (10,000 sockets: 40 ms less of the node's time per round). Other transports (HTTP
 * long-polling) flush as before.
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
      // The websocket's TCP socket (ws keeps it as _socket).
      const tcp = socket.transport.socket?._socket;
      const frames = tcp ? readyFrames(socket) : null;
      if (tcp && frames?.length) {
        // Broadcasts only, and the transport idle: their frames are this socket's next bytes, written as
        // one buffer. Engine.IO's own way costs as much again in JavaScript as the write itself: a write per
        // frame part, a callback per packet, its "drain" and "ready" events (which nothing waits for here:
        // a closing socket, whose close waits for "drain", does not come this way).
        socket.writeBuffer = [];
        tcp.write(bytesOfAll(frames));
        return;
      }
      // Corked, the frames written below go out in one writev.
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
