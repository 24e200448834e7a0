import { MEETING_WINDOW_OPENS_MINUTES, type MeetingView } from "@ketnoi/contracts";

/** The side whose turn it is to answer an open meeting: the one that did not make the latest proposal. */
export function answeringSide(m: MeetingView): string {
  const lastBy = m.proposal?.by ?? m.requester.companyId;
  return lastBy === m.requester.companyId ? m.recipient.companyId : m.requester.companyId;
}

/** The other party, as seen from my company. */
export const otherParty = (m: MeetingView, myCompany: string | undefined) => (m.requester.companyId === myCompany ? m.recipient : m.requester);

export const isOpen = (m: MeetingView) => m.status === "requested" || m.status === "countered";

/** When an onsite meeting's check-in opens (the api refuses a scan before): its window, minutes before the start. */
export const checkInOpensAt = (start: string) => new Date(Date.parse(start) - MEETING_WINDOW_OPENS_MINUTES * 60_000).toISOString();
