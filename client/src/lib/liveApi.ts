import { io, type Socket } from "socket.io-client";
import { SOCKET_PATH, type Ack, type ClientToServerEvents, type JoinableRoom, type ServerToClientEvents } from "@ketnoi/contracts";
import { send, whenSessionKnown } from "./api";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket to the realtime service. The handshake token is asked from the api on every (re)connect
 * and sent in handshake.auth (never the URL). `rooms` are joined with fresh tickets on every connect,
 * and `onConnect` runs then too, so a client that dropped and came back fetches what it missed.
 */
export function openLiveSocket(rooms: JoinableRoom[], onConnect: () => void): LiveSocket {
  const socket: LiveSocket = io({
    path: SOCKET_PATH,
    transports: ["websocket"],
    auth: (cb) => {
      // A user's token needs the session's CSRF token: a socket opened while the page starts waits for it.
      whenSessionKnown()
        .then(() => send<{ token: string }>("POST", "/realtime/token", {}))
        .then(
          ({ token }) => cb({ token }),
          () => cb({}),
        );
    },
  });
  socket.on("connect", () => {
    for (const room of rooms) {
      void send<{ ticket: string }>("POST", "/realtime/tickets", { room }).then(({ ticket }) =>
        socket.emit("room:join", { ticket }, (ack: Ack) => {
          if (!ack.ok) console.warn("room join refused", room, ack.error.code);
        }),
      );
    }
    onConnect();
  });
  // When the device loses its network (a venue's Wi-Fi), drop the socket at once rather than waiting
  // out the heartbeat, and reconnect as soon as it is back: onConnect then catches up.
  const close = socket.disconnect.bind(socket);
  const offline = () => void close();
  const online = () => void socket.connect();
  window.addEventListener("offline", offline);
  window.addEventListener("online", online);
  // Closing for good (the page leaves) also stops listening for the network.
  socket.disconnect = () => {
    window.removeEventListener("offline", offline);
    window.removeEventListener("online", online);
    return close();
  };
  return socket;
}
