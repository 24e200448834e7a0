import { MEETING_WINDOW_OPENS_MINUTES, OPEN_STATUSES, answeringSide as sideToAnswer, type MeetingView } from "@ketnoi/contracts";

/** The side whose turn it is to answer an open meeting (the shared rule, on the meeting as the api shows it). */
export const answeringSide = (m: MeetingView) =>
  sideToAnswer({ requesterId: m.requester.companyId, recipientId: m.recipient.companyId, proposalBy: m.proposal?.by });

/** The other party, as seen from my company. */
export const otherParty = (m: MeetingView, myCompany: string | undefined) => (m.requester.companyId === myCompany ? m.recipient : m.requester);

export const isOpen = (m: MeetingView) => OPEN_STATUSES.includes(m.status);

/** When an onsite meeting's check-in opens (the api refuses a scan before): its window, minutes before the start. */
export const checkInOpensAt = (start: string) => new Date(Date.parse(start) - MEETING_WINDOW_OPENS_MINUTES * 60_000).toISOString();

/** My booked onsite meetings not over yet, soonest first: the ones whose QR code I will show at a table. */
export const upcomingAtTable = (meetings: MeetingView[], now = Date.now()) =>
  meetings
    .filter((m) => m.status === "booked" && m.mode === "onsite" && m.slot && Date.parse(m.slot.end) > now)
    .sort((a, b) => a.slot!.start.localeCompare(b.slot!.start));
