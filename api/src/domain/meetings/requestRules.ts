import { OPEN_STATUSES, type MeetingStatus } from "@ketnoi/contracts";

export interface OpenMeetingState {
  status: MeetingStatus;
  requesterId: string;
  recipientId: string;
  /** Who made the latest proposal (the request itself, or a counter-proposal). */
  proposalBy?: string;
  expiresAt?: Date;
}

/** A request or counter-proposal left unanswered past its expiry counts as expired, even before the job records it. */
export function effectiveStatus(m: OpenMeetingState, now: Date): MeetingStatus {
  return OPEN_STATUSES.includes(m.status) && m.expiresAt && m.expiresAt <= now ? "expired" : m.status;
}

/** The side whose turn it is to answer an open meeting: the one that did not make the latest proposal. */
export function answeringSide(m: OpenMeetingState): string {
  const lastBy = m.proposalBy ?? m.requesterId;
  return lastBy === m.requesterId ? m.recipientId : m.requesterId;
}

/**
 * When an open request lapses: after the configured time to answer, and never after the slot it
 * proposes has begun (an answer then would be worthless).
 */
export function requestExpiry(now: Date, ttlHours: number, proposedStart?: Date): Date {
  const byTtl = new Date(now.getTime() + ttlHours * 3600_000);
  return proposedStart && proposedStart < byTtl ? proposedStart : byTtl;
}
