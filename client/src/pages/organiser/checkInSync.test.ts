/** @jest-environment jsdom */
import "../../lib/testing/jsdom";
import type { CheckInAnswer } from "@ketnoi/contracts";
import type { Queued, ScanQueue } from "../../lib/offline/scanQueue";
import { answerFetch } from "../../lib/testing/render";
import { sendPending, type CheckInScanBody } from "./checkInSync";

// The queue's storage is IndexedDB in the browser (the e2e test checkInOffline drives it there);
// here a map stands in for it, to see what the desk sends and what it keeps after each kind of answer.
function memoryQueue(n: number): ScanQueue<CheckInScanBody> & { items: Map<string, Queued<CheckInScanBody>> } {
  const items = new Map<string, Queued<CheckInScanBody>>();
  for (let i = 0; i < n; i++) {
    const key = `scan-${String(i).padStart(3, "0")}`;
    const scannedAt = new Date(Date.UTC(2031, 9, 9, 2, 0, i)).toISOString();
    items.set(key, { key, body: { meetingId: `meeting-${i}`, code: `code-${i}` }, scannedAt, state: "pending" });
  }
  return {
    items,
    add: () => Promise.reject(new Error("not used")),
    all: async () => [...items.values()].sort((a, b) => a.scannedAt.localeCompare(b.scannedAt)),
    update: async (key, change) => void items.set(key, change(items.get(key)!)),
    remove: async (key) => void items.delete(key),
    refuse: async (key, reason) => void items.set(key, { ...items.get(key)!, state: "refused", reason }),
    clear: async () => items.clear(),
    subscribe: () => () => undefined,
  };
}
const describeRefusal = (a: CheckInAnswer) => `refused: ${a.message}`;

describe("sending the check-in desk's queued scans", () => {
  test("each scan goes with its time; answered ones leave the queue, refused ones stay with the reason", async () => {
    const queue = memoryQueue(3);
    const { sent } = answerFetch({
      status: 200,
      body: {
        answers: [
          { scanId: "scan-000", result: "recorded", checkedInAt: "2031-10-09T02:00:00.000Z" },
          { scanId: "scan-001", result: "alreadyRecorded", checkedInAt: "2031-10-09T01:59:00.000Z", checkedInBy: "Lê Văn Bàn Hai" },
          { scanId: "scan-002", result: "refused", reason: "beforeWindow", message: "Check-in opens at 9:15 AM." },
        ],
      },
    });
    const outcome = await sendPending(queue, describeRefusal);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: "POST", url: "/api/check-ins" });
    expect((sent[0]!.body as { scans: unknown[] }).scans[1]).toEqual({
      scanId: "scan-001",
      meetingId: "meeting-1",
      code: "code-1",
      scannedAt: "2031-10-09T02:00:01.000Z",
    });
    expect(outcome.answered.map((a) => [a.scanId, a.answer.result])).toEqual([
      ["scan-000", "recorded"],
      ["scan-001", "alreadyRecorded"],
    ]);
    expect(outcome.failure).toBeUndefined();
    const refused = expect.objectContaining({ key: "scan-002", state: "refused", reason: "refused: Check-in opens at 9:15 AM." });
    expect([...queue.items.values()]).toEqual([refused]);
  });

  test("no network, or the api away: every scan stays waiting, and the desk is told why", async () => {
    const queue = memoryQueue(2);
    globalThis.fetch = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    expect(await sendPending(queue, describeRefusal)).toEqual({ answered: [], failure: "Failed to fetch" });
    answerFetch({ status: 503, body: { error: { code: "service_unavailable", message: "The service is briefly unavailable." } } });
    expect(await sendPending(queue, describeRefusal)).toEqual({ answered: [], failure: "The service is briefly unavailable." });
    expect([...queue.items.values()].map((i) => i.state)).toEqual(["pending", "pending"]);
  });

  test("scans the api cannot read at all are refused with its message, not sent for ever", async () => {
    const queue = memoryQueue(1);
    const error = { code: "validation_failed", message: "Some fields are not valid.", fields: { "scans.0.code": "Bad." } };
    answerFetch({ status: 400, body: { error } });
    await sendPending(queue, describeRefusal);
    expect(queue.items.get("scan-000")).toMatchObject({ state: "refused", reason: "Some fields are not valid. Bad." });
  });

  test("a long queue goes in batches of at most 200", async () => {
    const queue = memoryQueue(201);
    const recorded = (from: number, n: number) => ({
      status: 200,
      body: { answers: Array.from({ length: n }, (_, i) => ({ scanId: `scan-${String(from + i).padStart(3, "0")}`, result: "recorded" })) },
    });
    const { sent } = answerFetch(recorded(0, 200), recorded(200, 1));
    expect((await sendPending(queue, describeRefusal)).answered).toHaveLength(201);
    expect(sent.map((s) => (s.body as { scans: unknown[] }).scans.length)).toEqual([200, 1]);
    expect(queue.items.size).toBe(0);
  });
});
