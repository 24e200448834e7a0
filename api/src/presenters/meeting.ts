import { companyName, type Locale, type MeetingCheckInLink, type MeetingView } from "@ketnoi/contracts";
import type { MeetingRecord } from "../repositories/meetingRepository";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { InterpreterRecord } from "../repositories/interpreterRepository";
import { slotView } from "../domain/fairSlots";
import { effectiveStatus } from "../domain/meetings/requestRules";

/** The companies and interpreters the meetings name, as the command loaded them. */
export interface MeetingLookups {
  companies: ReadonlyMap<string, CompanyRecord>;
  interpreters: ReadonlyMap<string, InterpreterRecord>;
}

/** When the reader reads (a lapsed request shows as expired) and in which language (which of a firm's names it is shown by). */
export interface Reading {
  now: Date;
  locale: Locale;
}

const party = (c: CompanyRecord | undefined, id: string, locale: Locale) => ({
  companyId: id,
  name: c ? companyName(c, locale) : "",
  country: c?.country ?? "",
  timeZone: c?.timeZone ?? "Asia/Ho_Chi_Minh",
  languages: c?.languages ?? [],
});

/** Where the last note left with an answer explains the state: a counter-proposal's message, a decline's or a cancellation's words. */
const NOTE_STATUSES = new Set<string>(["countered", "declined", "cancelled"]);

/** What parties, interpreters and organisers see; the check-in code is never in it (it is the QR code's secret). */
export function presentMeeting(m: MeetingRecord, l: MeetingLookups, r: Reading): MeetingView {
  const interpreter = m.interpreterId ? l.interpreters.get(m.interpreterId) : undefined;
  const status = effectiveStatus(
    { status: m.status, requesterId: m.requesterId, recipientId: m.recipientId, proposalBy: m.proposal?.by, expiresAt: m.expiresAt },
    r.now,
  );
  return {
    id: m.id,
    eventId: m.fairId,
    status,
    source: m.source,
    requester: party(l.companies.get(m.requesterId), m.requesterId, r.locale),
    recipient: party(l.companies.get(m.recipientId), m.recipientId, r.locale),
    message: m.message ?? "",
    preferredMode: m.preferredMode,
    dayPart: m.dayPart ?? "any",
    ...(m.proposal && (status === "requested" || status === "countered")
      ? { proposal: { slot: slotView({ start: m.proposal.start!, end: m.proposal.end! }), by: m.proposal.by! } }
      : {}),
    ...(m.expiresAt && (status === "requested" || status === "countered") ? { expiresAt: m.expiresAt.toISOString() } : {}),
    ...(m.startsAt && m.endsAt && status !== "cancelled" ? { slot: slotView({ start: m.startsAt, end: m.endsAt }) } : {}),
    ...(m.mode ? { mode: m.mode } : {}),
    ...(m.table ? { table: m.table } : {}),
    ...(m.onlineRoom ? { onlineRoom: m.onlineRoom } : {}),
    ...(interpreter ? { interpreter: { id: interpreter.id, name: interpreter.name, languages: interpreter.languages } } : {}),
    ...(m.languages && m.languages.length === 2 ? { languages: [m.languages[0]!, m.languages[1]!] as [string, string] } : {}),
    ...(m.declineReason ? { declineReason: m.declineReason } : {}),
    ...(m.note && NOTE_STATUSES.has(status) ? { note: m.note } : {}),
    ...(m.cancelReason && status === "cancelled" ? { cancelReason: m.cancelReason } : {}),
    outcomes: Object.fromEntries(m.outcomes.map((o) => [o.companyId!, o.outcome!])),
    ...(m.checkedInAt ? { checkedInAt: m.checkedInAt.toISOString() } : {}),
    absent: m.absent,
    sequence: m.sequence,
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** A list of meetings as the command loaded them. */
export const presentMeetings = (list: MeetingLookups & { meetings: MeetingRecord[] }, r: Reading) =>
  list.meetings.map((m) => presentMeeting(m, list, r));

/** One meeting as the command that read or changed it loaded it. */
export const presentMeetingDetails = (d: MeetingLookups & { meeting: MeetingRecord }, r: Reading) => presentMeeting(d.meeting, d, r);

/** The address an onsite meeting's QR code holds (the client draws the code from it, also offline). */
export const presentCheckInLink = (url: string): MeetingCheckInLink => ({ url });
