import { OPEN_STATUSES, type MeetingStatus, type RequestSides } from "@ketnoi/contracts";

export interface OpenMeetingState extends RequestSides {
  status: MeetingStatus;
  expiresAt?: Date;
}

/** A request or counter-proposal left unanswered past its expiry counts as expired, even before the job records it. */
export function effectiveStatus(m: OpenMeetingState, now: Date): MeetingStatus {
  return OPEN_STATUSES.includes(m.status) && m.expiresAt && m.expiresAt <= now ? "expired" : m.status;
}

/**
 * When an open request lapses: after the configured time to answer, and never after the slot it
 * proposes has begun (an answer then would be worthless).
 */
export function requestExpiry(now: Date, ttlHours: number, proposedStart?: Date): Date {
  const byTtl = new Date(now.getTime() + ttlHours * 3600_000);
  return proposedStart && proposedStart < byTtl ? proposedStart : byTtl;
}
