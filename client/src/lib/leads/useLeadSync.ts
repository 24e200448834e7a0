import { useEffect } from "react";
import { useOnline } from "../offline/useOnline";
import { useScanQueue } from "../offline/useScanQueue";
import { syncLeads, type LeadQueued } from "./leadQueue";

/** How often pending scans are tried again while the device thinks it is online but the server did not answer. */
const RETRY_MS = 15_000;

/**
 * The device's queued lead scans, kept current, and sent: at once when one is added or changed, when
 * the browser says the network is back, and on a timer while any wait (the hall's Wi-Fi can be
 * "connected" and still carry nothing).
 */
export function useLeadSync() {
  const items = useScanQueue<LeadQueued>("leads");
  const online = useOnline();
  const pending = items.filter((i) => i.state === "pending");
  const signature = pending.map((i) => `${i.key}:${i.scannedAt}:${JSON.stringify(i.body)}`).join("|");
  useEffect(() => {
    if (online && signature) void syncLeads();
  }, [online, signature]);
  const waiting = pending.length > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (navigator.onLine) void syncLeads();
    }, RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting]);
  return { items, pending, online };
}
