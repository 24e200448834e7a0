import { useEffect, useState } from "react";
import { openLiveSocket } from "./liveApi";

/**
 * Live count of signed-in people in the virtual hall, from the realtime service (null until known).
 * The realtime service admits only sockets with the api's token, so an anonymous visitor sees no count.
 */
export function useHallVisitors(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const socket = openLiveSocket([], () => undefined);
    socket.on("hall:visitors", ({ count }) => setCount(count));
    return () => {
      socket.disconnect();
    };
  }, []);
  return count;
}
