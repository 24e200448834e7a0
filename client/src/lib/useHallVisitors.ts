import { useEffect, useState } from "react";
import { openLiveSocket } from "./liveApi";

/**
 * Live count of people in the virtual hall, from the realtime service (null until known). Visitors
 * who are not signed in connect with a guest token from the api, which admits to the hall only.
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
