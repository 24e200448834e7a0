import { z } from "zod";
import { ObjectIdSchema } from "./objectId";
import { MeetingCheckInBodySchema, MeetingViewSchema } from "./meeting";

/**
 * Scans the check-in desk queued on the device (the hall's Wi-Fi failed) and sends when the network
 * is back: each names the meeting and the code of its QR code, and when it was made. The api records
 * a scan as of that time when it lies within the meeting's window, and answers each scan on its own.
 */
export const CHECK_IN_BATCH_MAX = 200;

export const CheckInScanSchema = z.strictObject({
  /** Made on the device with the scan: the answer names it. */
  scanId: z.uuid(),
  meetingId: ObjectIdSchema,
  code: MeetingCheckInBodySchema.shape.code,
  /** When the scan was made, by the device's clock. */
  scannedAt: z.iso.datetime(),
});
export type CheckInScan = z.output<typeof CheckInScanSchema>;

export const CheckInBatchBodySchema = z.strictObject({ scans: z.array(CheckInScanSchema).min(1).max(CHECK_IN_BATCH_MAX) });
export type CheckInBatchBody = z.output<typeof CheckInBatchBodySchema>;

export const CHECK_IN_RESULTS = ["recorded", "alreadyRecorded", "refused"] as const;
export type CheckInResult = (typeof CHECK_IN_RESULTS)[number];

/**
 * Why a scan was refused: no meeting the caller may record; the code is not the meeting's; the
 * meeting is online, cancelled or not booked; the scan was made before its window opened or after it
 * closed; or its time lies ahead of the api's clock (a device clock set wrong).
 */
export const CHECK_IN_REFUSALS = [
  "notFound",
  "forbidden",
  "wrongCode",
  "notOnsite",
  "cancelled",
  "notBooked",
  "beforeWindow",
  "afterWindow",
  "inFuture",
] as const;
export type CheckInRefusal = (typeof CHECK_IN_REFUSALS)[number];

/** The answer to one scan. `message` says why a scan was refused, in the caller's language. */
export const CheckInAnswerSchema = z.object({
  scanId: z.string(),
  result: z.enum(CHECK_IN_RESULTS),
  reason: z.enum(CHECK_IN_REFUSALS).optional(),
  message: z.string().optional(),
  /** The meeting as it is now (not for a meeting the caller may not see). */
  meeting: MeetingViewSchema.optional(),
  /** Recorded or already recorded: the time the meeting is held as of. */
  checkedInAt: z.iso.datetime().optional(),
  /** Already recorded: who recorded it, when known. */
  checkedInBy: z.string().optional(),
});
export type CheckInAnswer = z.infer<typeof CheckInAnswerSchema>;

export const CheckInBatchAnswerSchema = z.object({ answers: z.array(CheckInAnswerSchema) });
export type CheckInBatchAnswer = z.infer<typeof CheckInBatchAnswerSchema>;
