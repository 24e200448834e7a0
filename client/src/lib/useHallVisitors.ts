import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@ketnoi/contracts";

/** Live count of people in the virtual hall, from the realtime service (null until known). */
export function useHallVisitors(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: SOCKET_PATH, transports: ["websocket"] });
    socket.on("hall:visitors", ({ count }) => setCount(count));
    return () => {
      socket.disconnect();
    };
  }, []);
  return count;
}
