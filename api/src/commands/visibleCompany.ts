import { notFound } from "../errors";
import type { Repositories } from "../repositories";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { UserRecord } from "../repositories/userRepository";
import { companyPolicy } from "../policies/company";

/**
 * Whether the user may see the company's card (companyPolicy.canSeeCard). Whether the user's firm
 * has met or been asked to meet the company is looked up only when the card is not public.
 */
export async function maySeeCard(repos: Pick<Repositories, "meetings">, user: UserRecord | undefined, company: CompanyRecord): Promise<boolean> {
  if (companyPolicy.canSeeCard(user, company)) return true;
  if (!user?.companyId || user.companyId === company.id) return false;
  return companyPolicy.canSeeCard(user, company, { counterpart: await repos.meetings.existsBetween(user.companyId, company.id) });
}

/** The company, if the user may see its card; otherwise not found (whether it exists stays hidden). */
export async function findVisibleCompany(repos: Pick<Repositories, "companies" | "meetings">, user: UserRecord | undefined, companyId: string): Promise<CompanyRecord> {
  const company = await repos.companies.findById(companyId);
  if (!company || !(await maySeeCard(repos, user, company))) throw notFound();
  return company;
}
