import type { CheckInAnswer, CheckInRefusal, CheckInResult } from "@ketnoi/contracts";
import type { AppError } from "../errors";
import type { MeetingRecord } from "../repositories/meetingRepository";
import { errorMessage, fieldMessage } from "../i18n/errorMessages";
import { presentMeeting, type MeetingLookups, type Reading } from "./meeting";

/** One scan's answer as the check-in command gave it. */
export interface ScanAnswerInput {
  scanId: string;
  result: CheckInResult;
  reason?: CheckInRefusal;
  error?: AppError;
  details?: MeetingLookups & { meeting: MeetingRecord };
  checkedInAt?: Date;
  checkedInBy?: string;
}

/** Why a scan was refused, as a scan sent at once would have been told: the field's message, else the error's. */
function refusalMessage(error: AppError, r: Reading) {
  const field = error.fields ? Object.values(error.fields)[0] : undefined;
  return field ? fieldMessage(field, r.locale, error.values) : errorMessage(error.code, r.locale);
}

/** A scan's answer for the desk that sent it: the reason in the reader's language, the meeting as it is now. */
export function presentScanAnswer(a: ScanAnswerInput, r: Reading): CheckInAnswer {
  return {
    scanId: a.scanId,
    result: a.result,
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.error ? { message: refusalMessage(a.error, r) } : {}),
    ...(a.details ? { meeting: presentMeeting(a.details.meeting, a.details, r) } : {}),
    ...(a.checkedInAt ? { checkedInAt: a.checkedInAt.toISOString() } : {}),
    ...(a.checkedInBy ? { checkedInBy: a.checkedInBy } : {}),
  };
}
