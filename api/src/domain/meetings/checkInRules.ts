import { timingSafeEqual } from "node:crypto";
import type { CheckInRefusal, MEETING_MODES, MeetingStatus } from "@ketnoi/contracts";
import { meetingWindow, type MeetingWindow } from "./meetingWindow";

/**
 * A device's clock may run a little ahead of the api's: a scan up to this far ahead is taken as made
 * now; further ahead, the device's clock is wrong and its time cannot be believed.
 */
export const SCAN_CLOCK_SKEW_MS = 2 * 60_000;

/** What a scan is judged on: the meeting as it stands (its status as of now). */
export interface ScannedMeeting {
  status: MeetingStatus;
  mode?: (typeof MEETING_MODES)[number];
  checkInCode: string;
  startsAt?: Date;
  endsAt?: Date;
}

export type ScanJudgement =
  /** Record the meeting as held as of `at`. */
  | { kind: "record"; at: Date }
  /** Already held; `at` is when this scan counts as made, when its time is good. */
  | { kind: "alreadyRecorded"; at?: Date }
  | { kind: "refused"; reason: Exclude<CheckInRefusal, "notFound" | "forbidden">; window?: MeetingWindow };

const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * When a scan counts as made: its own time (a late scan from a device's queue is as good as one sent
 * at once), inside the meeting's window, and not ahead of the api's clock by more than a clock's skew.
 */
function timeOfScan(scannedAt: Date, now: Date, window: MeetingWindow): { at: Date } | { refused: "beforeWindow" | "afterWindow" | "inFuture" } {
  if (scannedAt.getTime() > now.getTime() + SCAN_CLOCK_SKEW_MS) return { refused: "inFuture" };
  const at = scannedAt > now ? now : scannedAt;
  if (at < window.opens) return { refused: "beforeWindow" };
  if (at > window.closes) return { refused: "afterWindow" };
  return { at };
}

/**
 * The one rule for a scan of a meeting's QR code at the table, whether sent at once or from a queue:
 * only a booked onsite meeting with its own code, scanned inside its window, is recorded as held; a
 * meeting already held stays as it is (several desks may scan the same meeting).
 */
export function judgeScan(m: ScannedMeeting, scan: { code: string; scannedAt: Date }, now: Date): ScanJudgement {
  if (m.status === "cancelled") return { kind: "refused", reason: "cancelled" };
  if (m.status !== "booked" && m.status !== "held") return { kind: "refused", reason: "notBooked" };
  if (m.mode !== "onsite" || !m.startsAt || !m.endsAt) return { kind: "refused", reason: "notOnsite" };
  if (!sameCode(scan.code, m.checkInCode)) return { kind: "refused", reason: "wrongCode" };
  const window = meetingWindow(m.startsAt, m.endsAt);
  const timing = timeOfScan(scan.scannedAt, now, window);
  if (m.status === "held") return { kind: "alreadyRecorded", ...("at" in timing ? { at: timing.at } : {}) };
  return "at" in timing ? { kind: "record", at: timing.at } : { kind: "refused", reason: timing.refused, window };
}
