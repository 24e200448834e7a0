import type { MeetingListQuery } from "@ketnoi/contracts";
import { AppError, notFound } from "../../errors";
import { eventPolicy } from "../../policies/event";
import type { UserRecord } from "../../repositories/userRepository";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import type { InterpreterRecord } from "../../repositories/interpreterRepository";
import { interpreterIdOf, loadVisibleMeeting, statusNow } from "./loadMeeting";
import { alternativeSlots } from "./booking";
import { loadDetails, type MeetingDetails, type MeetingList } from "./parties";
import { maySeeCard } from "../../policies/companyVisibility";
import { actingFirm, eventFor, firmInEvent } from "../events/eventInContext";
import type { MeetingContext } from "./context";

/** The meetings with their companies and interpreters, each read once for the lot (interpreters only for fairs that have a meeting with one). */
export async function withLookups(ctx: MeetingContext, meetings: MeetingRecord[]): Promise<MeetingList> {
  const fairsWithInterpreters = [...new Set(meetings.flatMap((m) => (m.interpreterId ? [m.fairId] : [])))];
  const [companies, interpreterLists] = await Promise.all([
    ctx.repos.companies.findByIds([...new Set(meetings.flatMap((m) => [m.requesterId, m.recipientId]))]),
    Promise.all(fairsWithInterpreters.map((fairId) => ctx.repos.interpreters.listForFair(fairId))),
  ]);
  return {
    meetings,
    companies: new Map(companies.map((c) => [c.id, c])),
    interpreters: new Map<string, InterpreterRecord>(interpreterLists.flat().map((i) => [i.id, i])),
  };
}

/** The meetings a user deals with: its company's in every event, an interpreter's assignments, or (organisers) the event in context's. */
async function listFor(ctx: MeetingContext, user: UserRecord, event: string | undefined): Promise<MeetingRecord[]> {
  if (user.role === "organiser") {
    const fair = await eventFor(ctx, user, event);
    if (!eventPolicy.canOrganise(user, fair)) throw new AppError("forbidden", { event: "eventNotOrganised" });
    return ctx.repos.meetings.listForFair(fair.id);
  }
  if (user.role === "interpreter") {
    const interpreterId = await interpreterIdOf(ctx, user);
    return interpreterId ? ctx.repos.meetings.listForInterpreter(interpreterId) : [];
  }
  return user.companyId ? ctx.repos.meetings.listForCompany(user.companyId) : [];
}

/** A user's meetings (optionally only those in one status now), with what showing them needs. */
export async function meetingsFor(
  ctx: MeetingContext,
  user: UserRecord,
  event: string | undefined,
  { status }: MeetingListQuery = {},
): Promise<MeetingList> {
  const meetings = await listFor(ctx, user, event);
  return withLookups(ctx, status ? meetings.filter((m) => statusNow(ctx, m) === status) : meetings);
}

/** One meeting the user may see, with what showing it needs. */
export async function showMeeting(ctx: MeetingContext, user: UserRecord, id: string): Promise<MeetingDetails> {
  return loadDetails(ctx, await loadVisibleMeeting(ctx, user, id));
}

/** Slots the caller's company and another could meet in, with nothing booked for either: what a booking picks from. */
export async function slotsToMeet(ctx: MeetingContext, user: UserRecord, event: string | undefined, otherId: string) {
  const [{ fair, own }, stored] = await Promise.all([actingFirm(ctx, user, event), ctx.repos.companies.findById(otherId)]);
  const other = stored && (await firmInEvent(ctx, fair.id, stored));
  if (!other || own.id === other.id || !(await maySeeCard(ctx.repos, user, other))) throw notFound();
  return alternativeSlots(ctx, fair, own, other, { limit: 1000 });
}
