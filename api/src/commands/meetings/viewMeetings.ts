import type { Locale } from "@ketnoi/contracts";
import { AppError, notFound } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { InterpreterRecord } from "../../repositories/interpreterRepository";
import { fairSlots } from "../../domain/fairSlots";
import { presentMeeting } from "../../presenters/meeting";
import { interpreterIdOf, statusNow } from "./loadMeeting";
import { alternativeSlots } from "./booking";
import { maySeeCard } from "../visibleCompany";
import type { MeetingContext } from "./context";

/** Presents meetings, to a reader of this language, with their companies, interpreters and the fair's slots loaded once for the lot. */
export async function presentMeetings(ctx: MeetingContext, meetings: MeetingRecord[], locale: Locale) {
  const interpreters = new Map<string, InterpreterRecord>();
  const slotsByFair = new Map<string, ReturnType<typeof fairSlots>>();
  const withInterpreter = new Set(meetings.flatMap((m) => (m.interpreterId ? [m.fairId] : [])));
  const loadFair = async (fairId: string) => {
    const [fair, fairInterpreters] = await Promise.all([ctx.repos.fairs.findById(fairId), withInterpreter.has(fairId) ? ctx.repos.interpreters.listForFair(fairId) : []]);
    if (fair) slotsByFair.set(fairId, fairSlots(fair));
    for (const i of fairInterpreters) interpreters.set(i.id, i);
  };
  const [parties] = await Promise.all([
    ctx.repos.companies.findByIds([...new Set(meetings.flatMap((m) => [m.requesterId, m.recipientId]))]),
    ...[...new Set(meetings.map((m) => m.fairId))].map(loadFair),
  ]);
  const companies = new Map<string, CompanyRecord>(parties.map((c) => [c.id, c]));
  const now = ctx.now();
  return meetings.map((m) => presentMeeting(m, { companies, interpreters, slots: slotsByFair.get(m.fairId) ?? [], now, locale }));
}

/** The meetings a user deals with: its company's, an interpreter's assignments, or (organisers) the current fair's. */
export async function meetingsFor(ctx: MeetingContext, user: UserRecord, status?: string) {
  let meetings: MeetingRecord[];
  if (user.role === "organiser") {
    const fair = await ctx.repos.fairs.findCurrent(ctx.now());
    meetings = fair ? await ctx.repos.meetings.listForFair(fair.id) : [];
  } else if (user.role === "interpreter") {
    const interpreterId = await interpreterIdOf(ctx, user);
    meetings = interpreterId ? await ctx.repos.meetings.listForInterpreter(interpreterId) : [];
  } else if (user.companyId) meetings = await ctx.repos.meetings.listForCompany(user.companyId);
  else meetings = [];
  return status ? meetings.filter((m) => statusNow(ctx, m) === status) : meetings;
}

/** Slots the caller's company and another could meet in, with nothing booked for either: what a booking picks from. */
export async function slotsToMeet(ctx: MeetingContext, user: UserRecord, otherId: string) {
  if (!user.companyId) throw new AppError("forbidden");
  const [own, other] = await Promise.all([ctx.repos.companies.findById(user.companyId), ctx.repos.companies.findById(otherId)]);
  if (!own || !other || other.fairId !== own.fairId || own.id === other.id || !(await maySeeCard(ctx.repos, user, other))) throw notFound();
  const fair = await ctx.repos.fairs.findById(own.fairId);
  if (!fair) throw notFound();
  return alternativeSlots(ctx, fair, own, other, { limit: 1000 });
}
