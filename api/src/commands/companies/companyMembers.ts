import { notFound } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { companyPolicy } from "../../policies/company";
import type { CompanyContext } from "./context";

/** A company's team, owners first, then by name: for its members and organisers (others: not found). */
export async function companyMembers(ctx: CompanyContext, viewer: UserRecord | undefined, companyId: string) {
  const company = await ctx.repos.companies.findById(companyId);
  if (!company || !companyPolicy.canSeePrivate(viewer, company)) throw notFound();
  const members = await ctx.repos.users.listByCompany(company.id);
  const rank = (r?: string) => (r === "owner" ? 0 : 1);
  return members.sort((a, b) => rank(a.companyRole) - rank(b.companyRole) || a.name.localeCompare(b.name));
}
