import { companyName, type Locale, type MeetingView } from "@ketnoi/contracts";
import type { MeetingRecord } from "../repositories/meetingRepository";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { InterpreterRecord } from "../repositories/interpreterRepository";
import type { Slot } from "../domain/fairSlots";
import { effectiveStatus } from "../domain/meetings/requestRules";

export interface MeetingLookups {
  companies: Map<string, CompanyRecord>;
  interpreters: Map<string, InterpreterRecord>;
  slots: Slot[];
  now: Date;
  /** The reader's language: which of a firm's names it is shown by. */
  locale: Locale;
}

const party = (c: CompanyRecord | undefined, id: string, locale: Locale) => ({
  companyId: id,
  name: c ? companyName(c, locale) : "",
  country: c?.country ?? "",
  timeZone: c?.timeZone ?? "Asia/Ho_Chi_Minh",
  languages: c?.languages ?? [],
});

/** A slot view for a time: the fair's slot id when the time is still one of its slots. */
function slotView(slots: Slot[], start: Date, end: Date) {
  const id = slots.find((s) => s.start.getTime() === start.getTime())?.id ?? "";
  return { id, start: start.toISOString(), end: end.toISOString() };
}

/** Where the last note left with an answer explains the state: a counter-proposal's message, a decline's or a cancellation's words. */
const NOTE_STATUSES = new Set<string>(["countered", "declined", "cancelled"]);

/** What parties, interpreters and organisers see; the check-in code is never in it (it is the QR code's secret). */
export function presentMeeting(m: MeetingRecord, l: MeetingLookups): MeetingView {
  const interpreter = m.interpreterId ? l.interpreters.get(m.interpreterId) : undefined;
  const status = effectiveStatus({ status: m.status, requesterId: m.requesterId, recipientId: m.recipientId, proposalBy: m.proposal?.by, expiresAt: m.expiresAt }, l.now);
  return {
    id: m.id,
    status,
    source: m.source,
    requester: party(l.companies.get(m.requesterId), m.requesterId, l.locale),
    recipient: party(l.companies.get(m.recipientId), m.recipientId, l.locale),
    message: m.message ?? "",
    preferredMode: m.preferredMode,
    dayPart: m.dayPart ?? "any",
    ...(m.proposal && (status === "requested" || status === "countered") ? { proposal: { slot: slotView(l.slots, m.proposal.start!, m.proposal.end!), by: m.proposal.by! } } : {}),
    ...(m.expiresAt && (status === "requested" || status === "countered") ? { expiresAt: m.expiresAt.toISOString() } : {}),
    ...(m.startsAt && m.endsAt && status !== "cancelled" ? { slot: slotView(l.slots, m.startsAt, m.endsAt) } : {}),
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
