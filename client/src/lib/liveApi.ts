import i18next from "i18next";
import { io, type Socket } from "socket.io-client";
import { SOCKET_PATH, type Ack, type ClientToServerEvents, type JoinableRoom, type ServerToClientEvents } from "@ketnoi/contracts";
import { ApiError, getJson } from "./api";

/** The session's CSRF token (GET /api/auth/session), fetched once per page load; "" for a visitor not signed in. */
let csrf: Promise<string> | null = null;
const csrfToken = () =>
  (csrf ??= getJson<{ csrfToken: string }>("/auth/session").then(
    (s) => s.csrfToken,
    (err: unknown) => {
      csrf = null;
      if (err instanceof ApiError && err.status === 401) return "";
      throw err;
    },
  ));

const csrfHeader = async (): Promise<Record<string, string>> => {
  const token = await csrfToken();
  return token ? { "X-CSRF-Token": token } : {};
};

/** A write to the api with the CSRF header; errors arrive as ApiError. */
export async function send<T>(method: "POST" | "DELETE", path: string, body: object = {}): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": i18next.language, ...(await csrfHeader()) },
    ...(method === "POST" ? { body: JSON.stringify(body) } : {}),
  });
  const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data as never);
  return data as T;
}

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
      send<{ token: string }>("POST", "/realtime/token").then(({ token }) => cb({ token }), () => cb({}));
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
