import { AppError, notFound } from "../../errors";
import type { CommandContext } from "../context";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { FairRecord } from "../../repositories/fairRepository";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import type { UserRecord } from "../../repositories/userRepository";
import { companyPolicy } from "../../policies/company";
import { groupFirmHistory, type FirmHistoryCount } from "../../domain/firmHistory";

/** A firm's history as the domain grouped it, with the firm and its partners as loaded (the route presents it without reading again). */
export interface FirmHistoryResult extends FirmHistoryCount<FairRecord, MeetingRecord> {
  company: CompanyRecord;
  partners: ReadonlyMap<string, CompanyRecord>;
}

/** GET /api/me/history: the signed-in member's own firm (a user without a firm has no history: 403). */
export async function myFirmHistory(ctx: CommandContext, user: UserRecord): Promise<FirmHistoryResult> {
  if (!user.companyId) throw new AppError("forbidden");
  return firmHistory(ctx, user, user.companyId);
}

/**
 * A firm's meetings and outcomes across every event of the programme: for its members and organisers
 * (who follow up firms between events); anyone else is told it does not exist.
 */
export async function firmHistory(ctx: CommandContext, reader: UserRecord, companyId: string): Promise<FirmHistoryResult> {
  const { repos } = ctx;
  const company = await repos.companies.findById(companyId);
  if (!company || !companyPolicy.canSeePrivate(reader, company)) throw notFound();
  const [fairs, meetings, registrations] = await Promise.all([
    repos.fairs.list(),
    repos.meetings.listForCompany(company.id),
    repos.participations.listForCompany(company.id),
  ]);
  const joined = new Set(registrations.filter((r) => r.status === "approved").map((r) => r.fairId));
  const count = groupFirmHistory(company.id, fairs, meetings, { joined, now: ctx.now(), readerIsMember: companyPolicy.isMember(reader, company) });
  const partnerIds = [...new Set(count.events.flatMap((g) => g.meetings.map((m) => m.partnerId)))];
  const partners = new Map((await repos.companies.findByIds(partnerIds)).map((c) => [c.id, c]));
  return { ...count, company, partners };
}
