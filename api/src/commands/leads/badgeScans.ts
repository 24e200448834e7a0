import { notFound } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import type { CommandContext } from "../context";

/** The firms whose staff scanned my badge and keep me as a lead (withdrawn ones are gone), latest first. */
export async function myBadgeScans(ctx: CommandContext, user: UserRecord) {
  const leads = await ctx.repos.leads.listActiveForVisitor(user.id);
  const companies = new Map((await ctx.repos.companies.findByIds([...new Set(leads.map((l) => l.companyId))])).map((c) => [c.id, c]));
  return { leads, companies };
}

/**
 * I withdraw my consent to a firm's keeping me as a lead (Decree 13/2023/ND-CP): it leaves the firm's
 * list and exports at once, and scans the firm's devices made before now are refused when they sync.
 */
export async function withdrawBadgeScan(ctx: CommandContext, user: UserRecord, id: string) {
  if (!(await ctx.repos.leads.withdraw(user.id, id, ctx.now()))) throw notFound();
}
