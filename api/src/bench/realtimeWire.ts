// A Socket.IO client for bench:realtime that speaks the three protocols itself, as a browser's would over
// its native WebSocket: the WebSocket handshake and frames (RFC 6455; the client's frames masked), Engine.IO
// 4 (open, ping/pong, close) and Socket.IO 5 (CONNECT with the auth payload, events, acknowledgements,
// DISCONNECT). The server cannot tell it from socket.io-client over websocket; it only costs this process
// less per frame: socket.io-client in Node spent ~20 µs on each, most of it in its emitters' lookups, so
// 10,000 sockets' clients took about as long to read a round as the node took to send it; this takes ~6 µs.
// Reads land in one buffer per thread (net's onread) and are parsed at once; only a frame cut between two
// reads is copied.
import { createHash, randomBytes, randomFillSync } from "node:crypto";
import { connect, type Socket } from "node:net";

const WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
/** Every socket of a thread reads into this buffer: its bytes are parsed (or copied) before the next read. */
const readBuffer = Buffer.allocUnsafe(256 * 1024);
const maskPool = Buffer.allocUnsafe(4096);
let maskOffset = maskPool.length;
const nextMask = () => {
  if (maskOffset + 4 > maskPool.length) {
    randomFillSync(maskPool);
    maskOffset = 0;
  }
  maskOffset += 4;
  return maskPool.subarray(maskOffset - 4, maskOffset);
};

const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;

/** A masked client frame (RFC 6455 5.2) with this payload. */
function frame(opcode: number, payload: Buffer) {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const out = Buffer.allocUnsafe(headerLength + 4 + length);
  out[0] = 0x80 | opcode;
  if (length < 126) out[1] = 0x80 | length;
  else if (length < 65_536) {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(length, 2);
  } else {
    out[1] = 0x80 | 127;
    out.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = nextMask();
  mask.copy(out, headerLength);
  const at = headerLength + 4;
  for (let i = 0; i < length; i++) out[at + i] = payload[i]! ^ mask[i & 3]!;
  return out;
}

export interface WireHandlers {
  /** A Socket.IO event from the server: its name and arguments. */
  event(name: string, args: unknown[]): void;
  /** The connection ended after the Socket.IO handshake (closed by the server, the network or close()). */
  disconnect(reason: string): void;
}

export interface WireOptions {
  host: string;
  port: number;
  /** The Engine.IO path (SOCKET_PATH). */
  path: string;
  localAddress?: string;
  /** The Socket.IO CONNECT payload (handshake.auth on the server). */
  auth: unknown;
  /** How long the whole handshake may take (ms). */
  timeout: number;
}

/** One client: TCP, then the WebSocket, Engine.IO and Socket.IO handshakes; connected() settles with the last. */
export class WireClient {
  private readonly socket: Socket;
  private readonly key = randomBytes(16).toString("base64");
  /** Bytes of an HTTP response or a frame that the last read did not complete. */
  private rest: Buffer | null = null;
  private upgraded = false;
  /** A fragmented message's parts so far. */
  private fragments: Buffer[] | null = null;
  private state: "connecting" | "connected" | "closed" = "connecting";
  private nextAck = 0;
  private readonly acks = new Map<number, (args: unknown[]) => void>();
  private settle: { resolve(): void; reject(err: Error): void } | null = null;
  private readonly ready: Promise<void>;

  constructor(
    private readonly options: WireOptions,
    private readonly handlers: WireHandlers,
  ) {
    this.ready = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    const timer = setTimeout(() => this.fail(new Error("timeout")), options.timeout);
    this.ready.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    this.socket = connect({
      host: options.host,
      port: options.port,
      localAddress: options.localAddress,
      noDelay: true,
      onread: {
        buffer: readBuffer,
        callback: (n: number, buf: Uint8Array) => {
          this.read(buf as Buffer, n);
          return true;
        },
      },
    });
    this.socket.once("connect", () => {
      this.socket.write(
        `GET ${options.path}?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${options.host}:${options.port}\r\n` +
          `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${this.key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    this.socket.on("error", (err) => this.closed(err.message));
    this.socket.once("close", () => this.closed("transport close"));
  }

  /** Resolves once the server accepted the Socket.IO CONNECT; rejects when it refused it, or on any failure before. */
  connected() {
    return this.ready;
  }

  /** Emits an event and waits for its acknowledgement (its first argument). */
  emitWithAck<T>(name: string, arg: unknown, timeoutMs: number): Promise<T> {
    const id = this.nextAck++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        reject(new Error("operation has timed out"));
      }, timeoutMs);
      this.acks.set(id, (args) => {
        clearTimeout(timer);
        resolve(args[0] as T);
      });
      this.sendText(`42${id}${JSON.stringify([name, arg])}`);
    });
  }

  /** Leaves as socket.io-client's close() does: a Socket.IO DISCONNECT, then a WebSocket close frame. */
  close() {
    if (this.state === "closed") return;
    if (this.upgraded && !this.socket.destroyed) {
      this.sendText("41");
      this.socket.write(frame(OP_CLOSE, Buffer.from([0x03, 0xe8]))); // 1000: normal closure
    }
    this.closed("io client disconnect");
    this.socket.end();
  }

  private sendText(text: string) {
    if (!this.socket.destroyed) this.socket.write(frame(OP_TEXT, Buffer.from(text)));
  }

  private fail(err: Error) {
    if (this.state !== "connecting") return;
    this.state = "closed";
    this.settle?.reject(err);
    this.socket.destroy();
  }

  private closed(reason: string) {
    if (this.state === "connecting") return this.fail(new Error(reason));
    if (this.state === "closed") return;
    this.state = "closed";
    this.socket.destroy();
    this.handlers.disconnect(reason);
  }

  /** Called with each read, in the thread's shared buffer: everything is parsed (or copied) before returning. */
  private read(buffer: Buffer, length: number) {
    let data = buffer.subarray(0, length);
    if (this.rest) {
      data = Buffer.concat([this.rest, data]);
      this.rest = null;
    }
    let at = 0;
    if (!this.upgraded) {
      const end = data.indexOf("\r\n\r\n");
      if (end < 0) {
        this.rest = Buffer.from(data);
        return;
      }
      const head = data.toString("latin1", 0, end);
      const accept = createHash("sha1")
        .update(this.key + WS_GUID)
        .digest("base64");
      if (!head.startsWith("HTTP/1.1 101") || !head.toLowerCase().includes(`sec-websocket-accept: ${accept.toLowerCase()}`))
        return this.fail(new Error(`websocket upgrade refused: ${head.split("\r\n")[0]}`));
      this.upgraded = true;
      at = end + 4;
    }
    while (data.length - at >= 2) {
      const b0 = data[at]!;
      const b1 = data[at + 1]!;
      if (b1 & 0x80) return this.closed("masked frame from the server");
      let length = b1 & 0x7f;
      let header = 2;
      if (length === 126) {
        if (data.length - at < 4) break;
        length = data.readUInt16BE(at + 2);
        header = 4;
      } else if (length === 127) {
        if (data.length - at < 10) break;
        length = Number(data.readBigUInt64BE(at + 2));
        header = 10;
      }
      if (data.length - at < header + length) break;
      this.frame(b0, data, at + header, at + header + length);
      if (this.state === "closed") return;
      at += header + length;
    }
    if (at < data.length) this.rest = Buffer.from(data.subarray(at));
  }

  private frame(b0: number, data: Buffer, start: number, end: number) {
    const fin = (b0 & 0x80) !== 0;
    const opcode = b0 & 0x0f;
    if (opcode === OP_TEXT || opcode === OP_CONTINUATION) {
      if (fin && !this.fragments) return this.packet(data.toString("utf8", start, end));
      (this.fragments ??= []).push(Buffer.from(data.subarray(start, end)));
      if (fin) {
        const whole = Buffer.concat(this.fragments).toString("utf8");
        this.fragments = null;
        this.packet(whole);
      }
    } else if (opcode === OP_PING) {
      this.socket.write(frame(0xa, Buffer.from(data.subarray(start, end))));
    } else if (opcode === OP_CLOSE) {
      this.closed("transport close");
    }
    // Pongs and binary frames (Engine.IO 4 sends none here) are ignored.
  }

  /** An Engine.IO packet: a type digit, then its data. */
  private packet(text: string) {
    switch (text.charCodeAt(0)) {
      case 0x30: // "0" open: the session is there; connect to the main namespace with the auth payload
        this.sendText(`40${JSON.stringify(this.options.auth)}`);
        break;
      case 0x31: // "1" close
        this.closed("transport close");
        break;
      case 0x32: // "2" ping: answer at once, as engine.io-client does
        this.sendText("3");
        break;
      case 0x34: // "4" message: a Socket.IO packet
        this.socketIoPacket(text);
        break;
    }
  }

  /** A Socket.IO packet on the main namespace ("4" + type digit + [ack id] + JSON). */
  private socketIoPacket(text: string) {
    const type = text.charCodeAt(1) - 0x30;
    if (type === 0) {
      if (this.state !== "connecting") return;
      this.state = "connected";
      this.settle?.resolve();
    } else if (type === 4) {
      const message = (JSON.parse(text.slice(2)) as { message?: string }).message ?? "connect error";
      this.fail(new Error(message));
    } else if (type === 1) {
      this.closed("io server disconnect");
    } else if (type === 2 || type === 3) {
      let at = 2;
      while (at < text.length && text.charCodeAt(at) >= 0x30 && text.charCodeAt(at) <= 0x39) at++;
      const args = JSON.parse(text.slice(at)) as unknown[];
      if (type === 3) {
        const id = Number(text.slice(2, at));
        const ack = this.acks.get(id);
        this.acks.delete(id);
        ack?.(args);
      } else if (this.state === "connected") {
        this.handlers.event(args[0] as string, args.slice(1));
      }
    }
  }
}
