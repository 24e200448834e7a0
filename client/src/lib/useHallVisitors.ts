import { useEffect, useState } from "react";
import type { BoothCounts } from "@ketnoi/contracts";
import type { LiveSocket } from "./liveApi";

/**
 * The live hall from the realtime service: how many people are in the virtual hall (null until
 * known) and how many visitors are in each booth (company id → count; the whole map on joining, then
 * each booth's changes). Visitors who are not signed in connect with a guest token from the api,
 * which admits to the hall only. The socket's code (socket.io-client and the event schemas) loads
 * after the page: the landing page shows the count, and its initial JS stays small.
 */
export function useHallLive(): { visitors: number | null; booths: BoothCounts } {
  const [visitors, setVisitors] = useState<number | null>(null);
  const [booths, setBooths] = useState<BoothCounts>({});
  useEffect(() => {
    let first = true;
    let socket: LiveSocket | undefined;
    let left = false;
    void import("./liveApi").then(({ openLiveSocket }) => {
      if (left) return;
      socket = openLiveSocket([], () => {
        first = true; // after a reconnection the next map is the whole one again
      });
      socket.on("hall:visitors", ({ count }) => setVisitors(count));
      socket.on("booths:counts", (counts) => {
        setBooths((old) => (first ? counts : { ...old, ...counts }));
        first = false;
      });
    });
    return () => {
      left = true;
      socket?.disconnect();
    };
  }, []);
  return { visitors, booths };
}

/** Live count of people in the virtual hall (null until known). */
export function useHallVisitors(): number | null {
  return useHallLive().visitors;
}
