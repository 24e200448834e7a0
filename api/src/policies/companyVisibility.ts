import { notFound } from "../errors";
import type { Repositories } from "../repositories";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { UserRecord } from "../repositories/userRepository";
import { companyPolicy } from "./company";

type Repos = Pick<Repositories, "meetings" | "interpreters">;

/** Whether the user's firm, or the user as an interpreter, has a meeting or request with the company. */
async function inMeetingWith(repos: Repos, user: UserRecord | undefined, companyId: string): Promise<boolean> {
  if (user?.companyId) return user.companyId !== companyId && repos.meetings.existsBetween(user.companyId, companyId);
  if (user?.role !== "interpreter") return false;
  const interpreter = await repos.interpreters.findByUserId(user.id);
  return !!interpreter && repos.meetings.existsForInterpreter(interpreter.id, companyId);
}

/**
 * Whether the user may see the company's card (companyPolicy.canSeeCard). The user's meetings are
 * looked up only when the card is not public.
 */
export async function maySeeCard(repos: Repos, user: UserRecord | undefined, company: CompanyRecord): Promise<boolean> {
  if (companyPolicy.canSeeCard(user, company)) return true;
  return companyPolicy.canSeeCard(user, company, { inMeeting: await inMeetingWith(repos, user, company.id) });
}

/** The company, if the user may see its card; otherwise not found (whether it exists stays hidden). */
export async function findVisibleCompany(
  repos: Repos & Pick<Repositories, "companies">,
  user: UserRecord | undefined,
  companyId: string,
): Promise<CompanyRecord> {
  const company = await repos.companies.findById(companyId);
  if (!company || !(await maySeeCard(repos, user, company))) throw notFound();
  return company;
}
