import { notFound } from "../../errors";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { FairRecord } from "../../repositories/fairRepository";
import type { InterpreterRecord } from "../../repositories/interpreterRepository";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import { firmsInEvent } from "../events/eventInContext";
import type { MeetingContext } from "./context";

/**
 * Meetings with the companies and interpreters they name, as the command that read or changed them
 * loaded those: the route presents them without reading anything again.
 */
export interface MeetingList {
  meetings: MeetingRecord[];
  companies: ReadonlyMap<string, CompanyRecord>;
  interpreters: ReadonlyMap<string, InterpreterRecord>;
}

/** One meeting, likewise. */
export interface MeetingDetails {
  meeting: MeetingRecord;
  companies: ReadonlyMap<string, CompanyRecord>;
  interpreters: ReadonlyMap<string, InterpreterRecord>;
}

/** A meeting's two companies, its fair and its interpreter (null: none), loaded once for the command, the notices and the answer. */
export interface Parties {
  requester: CompanyRecord;
  recipient: CompanyRecord;
  fair: FairRecord;
  interpreter: InterpreterRecord | null;
}

type Names = Pick<MeetingRecord, "requesterId" | "recipientId" | "fairId">;

/**
 * Loads the two companies of a meeting and its event (in parallel: three reads by _id), each firm as
 * it takes part in that event (a registration is read only for a firm whose own event is another).
 */
export async function loadCompaniesAndFair(ctx: MeetingContext, m: Names) {
  const [a, b, fair] = await Promise.all([
    ctx.repos.companies.findById(m.requesterId),
    ctx.repos.companies.findById(m.recipientId),
    ctx.repos.fairs.findById(m.fairId),
  ]);
  if (!a || !b || !fair) throw notFound();
  const [requester, recipient] = await firmsInEvent(ctx, fair.id, [a, b]);
  // A firm whose registration was withdrawn still is what the meeting names.
  return { requester: requester ?? a, recipient: recipient ?? b, fair };
}

/** The interpreter a meeting holds, if any. */
export const interpreterOf = async (ctx: MeetingContext, m: Pick<MeetingRecord, "interpreterId">) =>
  m.interpreterId ? ctx.repos.interpreters.findById(m.interpreterId) : null;

/** Everything a meeting names, for a command that changes it without booking (cancel, decline, check-in). */
export async function loadParties(ctx: MeetingContext, m: MeetingRecord): Promise<Parties> {
  const [loaded, interpreter] = await Promise.all([loadCompaniesAndFair(ctx, m), interpreterOf(ctx, m)]);
  return { ...loaded, interpreter };
}

/** The meeting with the parties already loaded, for the route to present. */
export function detailsOf(meeting: MeetingRecord, p: Pick<Parties, "requester" | "recipient" | "interpreter">): MeetingDetails {
  return {
    meeting,
    companies: new Map([p.requester, p.recipient].map((c) => [c.id, c])),
    interpreters: new Map(p.interpreter && p.interpreter.id === meeting.interpreterId ? [[p.interpreter.id, p.interpreter]] : []),
  };
}

/** What presenting a meeting needs and nothing more (its companies and interpreter), for a command that tells no one. */
export async function loadDetails(ctx: MeetingContext, meeting: MeetingRecord): Promise<MeetingDetails> {
  const [requester, recipient, interpreter] = await Promise.all([
    ctx.repos.companies.findById(meeting.requesterId),
    ctx.repos.companies.findById(meeting.recipientId),
    interpreterOf(ctx, meeting),
  ]);
  if (!requester || !recipient) throw notFound();
  return detailsOf(meeting, { requester, recipient, interpreter });
}
