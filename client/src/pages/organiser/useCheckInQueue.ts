import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { CheckInAnswer } from "@ketnoi/contracts";
import { scanQueue } from "../../lib/offline/scanQueue";
import { useScanQueue } from "../../lib/offline/useScanQueue";
import { useOnline } from "../../lib/offline/useOnline";
import { keys } from "../../lib/queries/keys";
import { sendPending, type Answered, type CheckInScanBody } from "./checkInSync";

/** While scans wait, they are sent again this often (the browser's "online" event is not always told). */
export const RETRY_MS = 15_000;
/** How many answered scans the desk keeps on screen. */
const SHOWN = 20;

/**
 * The desk's scans: every scan is kept on the device first, with the time it was made, and sent at
 * once when there is a network, when the browser comes back online, and every RETRY_MS while any
 * wait. Answers come back per scan; refused ones stay listed with the api's reason until dismissed.
 */
export function useCheckInQueue(describeRefusal: (answer: CheckInAnswer) => string) {
  const queue = scanQueue<CheckInScanBody>("check-in");
  const items = useScanQueue<CheckInScanBody>("check-in");
  const online = useOnline();
  const client = useQueryClient();
  const [answered, setAnswered] = useState<Answered[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const describe = useRef(describeRefusal);
  describe.current = describeRefusal;
  const running = useRef(false);
  const again = useRef(false);

  const sync = useCallback(async () => {
    if (!navigator.onLine) return;
    // One send at a time; a scan added meanwhile is sent by one more round.
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    setSending(true);
    try {
      do {
        again.current = false;
        const outcome = await sendPending(queue, (a) => describe.current(a));
        setFailure(outcome.failure ?? null);
        if (outcome.answered.length) {
          setAnswered((shown) => [...[...outcome.answered].reverse(), ...shown].slice(0, SHOWN));
          void client.invalidateQueries({ queryKey: keys.meetings.all });
        }
      } while (again.current && navigator.onLine);
    } finally {
      running.current = false;
      setSending(false);
    }
  }, [queue, client]);

  const pending = items.filter((i) => i.state === "pending");
  const waiting = pending.length > 0;
  useEffect(() => {
    if (online) void sync();
  }, [online, sync]);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void sync(), RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting, sync]);

  /** Keeps a scan on the device (the same meeting waiting once is enough) and tries to send it. */
  const add = useCallback(
    async (body: CheckInScanBody) => {
      const known = (await queue.all()).some((i) => i.state === "pending" && i.body.meetingId === body.meetingId && i.body.code === body.code);
      if (!known) await queue.add(body);
      void sync();
    },
    [queue, sync],
  );
  const dismiss = useCallback((key: string) => void queue.remove(key), [queue]);

  return { pending, refused: items.filter((i) => i.state === "refused"), answered, online, sending, failure, add, dismiss, sendNow: sync };
}
