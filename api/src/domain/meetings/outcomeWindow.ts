import { OUTCOME_WINDOW_DAYS } from "@ketnoi/contracts";

const DAY_MS = 86_400_000;

/** The statuses in which a side may record what came of a meeting: held, or booked and not marked either way (no check-in, no video). */
export const OUTCOME_STATUSES: readonly string[] = ["booked", "held"];

/**
 * When a side may record or change its outcome of a meeting: from the meeting's start until
 * OUTCOME_WINDOW_DAYS after it, so a quotation sent or an MoU signed weeks after the event is recorded
 * and counted with the event it came from.
 */
export function outcomeTiming(startsAt: Date, now: Date): "notStarted" | "open" | "closed" {
  if (now < startsAt) return "notStarted";
  return now.getTime() <= startsAt.getTime() + OUTCOME_WINDOW_DAYS * DAY_MS ? "open" : "closed";
}

/** Whether an outcome may be recorded on a meeting in this status, started at `startsAt`, now. */
export const outcomeOpen = (status: string, startsAt: Date | undefined, now: Date) =>
  OUTCOME_STATUSES.includes(status) && startsAt !== undefined && outcomeTiming(startsAt, now) === "open";
