import { MEETING_WINDOW_OPENS_MINUTES, type CheckInRefusal, type CheckInScan, type MeetingCheckInBody } from "@ketnoi/contracts";
import { AppError } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { StaleMeetingError, type MeetingRecord } from "../../repositories/meetingRepository";
import { meetingPolicy } from "../../policies/meeting";
import { judgeScan } from "../../domain/meetings/checkInRules";
import type { MeetingWindow } from "../../domain/meetings/meetingWindow";
import { interpreterIdOf, statusNow } from "./loadMeeting";
import type { MeetingContext } from "./context";
import { detailsOf, loadParties, type MeetingDetails, type Parties } from "./parties";
import { releasePair, withoutPair } from "./attendance";

/** A scan as the command takes it: its time as an instant. */
export type Scan = Omit<CheckInScan, "scannedAt"> & { scannedAt: Date };

/** The answer to one scan; a refusal carries the error the single scan answers with (its message is worded for the reader later). */
export type ScanAnswer =
  | { scanId: string; result: "recorded"; details: MeetingDetails; checkedInAt: Date }
  | { scanId: string; result: "alreadyRecorded"; details: MeetingDetails; checkedInAt?: Date; checkedInBy?: string }
  | { scanId: string; result: "refused"; reason: CheckInRefusal; error: AppError; details?: MeetingDetails };

/** How often a scan is judged again when another change to its meeting won the race. */
const ATTEMPTS = 5;

/**
 * Scans queued at the check-in desk (or several desks), each answered on its own, in the order sent:
 * a meeting scanned twice in one batch is recorded by the first scan.
 */
export async function checkInScans(ctx: MeetingContext, user: UserRecord, scans: CheckInScan[]): Promise<ScanAnswer[]> {
  const answers: ScanAnswer[] = [];
  for (const scan of scans) answers.push(await checkInScan(ctx, user, { ...scan, scannedAt: new Date(scan.scannedAt) }));
  return answers;
}

/** Scanning the meeting's QR code at the table (an organiser or either party), sent at once: the desk's batch of one, scanned now. */
export async function checkInMeeting(ctx: MeetingContext, user: UserRecord, id: string, { code }: MeetingCheckInBody): Promise<MeetingDetails> {
  const answer = await checkInScan(ctx, user, { scanId: "", meetingId: id, code, scannedAt: ctx.now() });
  if (answer.result === "refused") throw answer.error;
  return answer.details;
}

/**
 * One scan. Exactly one check-in is ever recorded: the change is the meeting's next numbered event,
 * so of several desks recording it at once one wins and the others read it again and find it held.
 */
async function checkInScan(ctx: MeetingContext, user: UserRecord, scan: Scan): Promise<ScanAnswer> {
  for (let attempt = 1; ; attempt++) {
    const meeting = await ctx.repos.meetings.findById(scan.meetingId);
    if (!meeting || !meetingPolicy.canSee(user, meeting, await interpreterIdOf(ctx, user))) {
      return { scanId: scan.scanId, result: "refused", reason: "notFound", error: new AppError("not_found", { meeting: "unknownMeeting" }) };
    }
    if (!meetingPolicy.canRecordAttendance(user, meeting)) {
      return { scanId: scan.scanId, result: "refused", reason: "forbidden", error: new AppError("forbidden") };
    }
    const now = ctx.now();
    const judged = judgeScan({ ...meeting, status: statusNow(ctx, meeting) }, scan, now);
    const parties = await loadParties(ctx, meeting);
    try {
      if (judged.kind === "record") return await record(ctx, user, meeting, parties, scan, judged.at);
      if (judged.kind === "alreadyRecorded") return await alreadyRecorded(ctx, user, meeting, parties, scan, judged.at);
    } catch (err) {
      if (!(err instanceof StaleMeetingError)) throw err;
      if (attempt === ATTEMPTS) throw new AppError("conflict", { meeting: "meetingChanged" });
      continue;
    }
    const refusal = { reason: judged.reason, window: judged.window, scannedAt: scan.scannedAt, now, user, fairZone: parties.fair.timeZone };
    return { scanId: scan.scanId, result: "refused", reason: judged.reason, error: refusalError(refusal), details: detailsOf(meeting, parties) };
  }
}

async function record(ctx: MeetingContext, user: UserRecord, meeting: MeetingRecord, parties: Parties, scan: Scan, at: Date): Promise<ScanAnswer> {
  const held = await ctx.repos.meetings.change(meeting, "checked_in", user.id, {
    set: { status: "held", checkedInAt: at, reservationKeys: withoutPair(meeting.reservationKeys) },
  });
  await releasePair(ctx, meeting);
  await ctx.notifier.meetingChanged("meeting_held", held, user.id, parties);
  return { scanId: scan.scanId, result: "recorded", details: detailsOf(held, parties), checkedInAt: at };
}

/**
 * A meeting already held, and by whom (who recorded its check-in). A scan made earlier than the time
 * it is held as of (a desk whose network came back later) moves that time back: the meeting was held
 * from its first scan, whichever desk sent first. A scan sent again after its answer was lost (the
 * same person's check-in, at the same time) is answered as recorded, as it was.
 */
async function alreadyRecorded(
  ctx: MeetingContext,
  user: UserRecord,
  m: MeetingRecord,
  parties: Parties,
  scan: Scan,
  at?: Date,
): Promise<ScanAnswer> {
  const recorder = (await ctx.repos.meetings.history(m.id)).find((e) => e.kind === "checked_in")?.actorUserId;
  if (at && m.checkedInAt && at.getTime() === m.checkedInAt.getTime() && recorder === user.id) {
    return { scanId: scan.scanId, result: "recorded", details: detailsOf(m, parties), checkedInAt: at };
  }
  const earlier = at && m.checkedInAt && at < m.checkedInAt ? at : undefined;
  const meeting = earlier ? await ctx.repos.meetings.change(m, "checked_in_earlier", user.id, { set: { checkedInAt: earlier } }) : m;
  const by = recorder ? await ctx.repos.users.findById(recorder) : null;
  return {
    scanId: scan.scanId,
    result: "alreadyRecorded",
    details: detailsOf(meeting, parties),
    ...(meeting.checkedInAt ? { checkedInAt: meeting.checkedInAt } : {}),
    ...(by ? { checkedInBy: by.name } : {}),
  };
}

interface Refusal {
  reason: Exclude<CheckInRefusal, "notFound" | "forbidden">;
  window?: MeetingWindow;
  scannedAt: Date;
  now: Date;
  user: UserRecord;
  fairZone: string;
}

/**
 * The error a refused scan answers with: a scan sent at once gets it as the response, a queued one
 * as its answer's reason. A scan made before the window opened says when it opens (or opened), in
 * the reader's zone and the fair's; one made after the meeting ended says when it ended.
 */
function refusalError({ reason, window, scannedAt, now, user, fairZone }: Refusal): AppError {
  const times = { scannedAt: scannedAt.toISOString(), now: now.toISOString(), zone: user.timeZone, fairZone };
  switch (reason) {
    case "cancelled":
      return new AppError("conflict", { status: "meetingCancelled" });
    case "notBooked":
      return new AppError("conflict", { status: "meetingClosed" });
    case "notOnsite":
      return new AppError("conflict", { meeting: "notOnsite" });
    case "wrongCode":
      return new AppError("validation_failed", { code: "wrongCode" });
    case "inFuture":
      return new AppError("validation_failed", { scannedAt: "scanInFuture" });
    case "beforeWindow": {
      const values = { ...times, opensAt: window!.opens.toISOString(), minutes: String(MEETING_WINDOW_OPENS_MINUTES) };
      // Still ahead: when to come back. Already past: the scan was too early, and must be made again.
      return new AppError("conflict", { meeting: now < window!.opens ? "checkInOpensAt" : "scannedBeforeWindow" }, undefined, undefined, values);
    }
    case "afterWindow":
      return new AppError("conflict", { meeting: "scannedAfterWindow" }, undefined, undefined, { ...times, closesAt: window!.closes.toISOString() });
  }
}
