import { AppError } from "../../errors";
import { leadCollectorRefusal } from "../../policies/lead";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { LeadRecord } from "../../repositories/leadRepository";
import type { UserRecord } from "../../repositories/userRepository";
import type { CommandContext } from "../context";

/** The firm the user collects leads for (403, with the reason where there is one, when they may not). */
export async function collectingFirm(ctx: CommandContext, user: UserRecord): Promise<CompanyRecord> {
  const company = user.companyId ? await ctx.repos.companies.findById(user.companyId) : null;
  const refusal = leadCollectorRefusal(user, company);
  if (refusal) throw new AppError("forbidden", Object.keys(refusal).length ? refusal : undefined);
  return company!;
}

/** Whom the leads name: the visitors, their firms and the staff who scanned. */
export interface LeadLookups {
  users: ReadonlyMap<string, UserRecord>;
  companies: ReadonlyMap<string, CompanyRecord>;
}

/** Reads everyone the leads name (visitors and scanners) and the visitors' firms. */
export async function lookupsFor(ctx: CommandContext, leads: LeadRecord[], known: UserRecord[] = []): Promise<LeadLookups> {
  const users = new Map(known.map((u) => [u.id, u]));
  const wanted = new Set(leads.flatMap((l) => [l.visitorId, ...(l.scannedBy ? [l.scannedBy] : [])]));
  const missing = [...wanted].filter((id) => !users.has(id));
  for (const u of await Promise.all(missing.map((id) => ctx.repos.users.findById(id)))) if (u) users.set(u.id, u);
  const companyIds = [...new Set(leads.flatMap((l) => users.get(l.visitorId)?.companyId ?? []))];
  const companies = new Map((await ctx.repos.companies.findByIds(companyIds)).map((c) => [c.id, c]));
  return { users, companies };
}
