import { CHECK_IN_BATCH_MAX, type CheckInAnswer, type CheckInBatchAnswer } from "@ketnoi/contracts";
import { ApiError, errorText, send } from "../../lib/api";
import type { Queued, ScanQueue } from "../../lib/offline/scanQueue";

/** A meeting's QR code as the desk read it: kept on the device until the api has answered. */
export type CheckInScanBody = { meetingId: string; code: string };

/** A scan the api answered (recorded, or already recorded): shown at the desk, gone from the queue. */
export type Answered = { scanId: string; scannedAt: string; answer: CheckInAnswer };

export type SyncOutcome = {
  answered: Answered[];
  /** Why some scans are still waiting (no network, the api away or refusing the sender), if they are. */
  failure?: string;
};

/** Whether a failed send is worth trying again later (the scans wait) or the api refused the scans themselves. */
const refusesScans = (e: unknown) => e instanceof ApiError && e.status === 400;

/**
 * Sends the queue's waiting scans to the api, in batches it takes, each with the time it was made.
 * Answered scans leave the queue; refused ones stay, marked with the api's reason (worded by
 * `describeRefusal`), until the desk dismisses them. No network, a failing api or an ended session
 * leave the scans waiting for the next try.
 */
export async function sendPending(queue: ScanQueue<CheckInScanBody>, describeRefusal: (answer: CheckInAnswer) => string): Promise<SyncOutcome> {
  const pending = (await queue.all()).filter((item) => item.state === "pending");
  const answered: Answered[] = [];
  for (let i = 0; i < pending.length; i += CHECK_IN_BATCH_MAX) {
    const batch = pending.slice(i, i + CHECK_IN_BATCH_MAX);
    let answers: CheckInAnswer[];
    try {
      answers = (await send<CheckInBatchAnswer>("POST", "/check-ins", { scans: batch.map(toScan) })).answers;
    } catch (e) {
      if (!refusesScans(e)) return { answered, failure: errorText(e) };
      // The api could not read these scans at all: say why on each rather than send them for ever.
      for (const item of batch) await queue.refuse(item.key, errorText(e));
      continue;
    }
    const byKey = new Map(batch.map((item) => [item.key, item]));
    for (const answer of answers) {
      const item = byKey.get(answer.scanId);
      if (!item) continue;
      if (answer.result === "refused") await queue.refuse(item.key, describeRefusal(answer));
      else {
        await queue.remove(item.key);
        answered.push({ scanId: item.key, scannedAt: item.scannedAt, answer });
      }
    }
  }
  return { answered };
}

const toScan = ({ key, body, scannedAt }: Queued<CheckInScanBody>) => ({ scanId: key, meetingId: body.meetingId, code: body.code, scannedAt });
