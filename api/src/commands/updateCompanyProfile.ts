import { companySearchKey, type CompanyProfileUpdate } from "@ketnoi/contracts";
import { AppError, notFound, validationFailed } from "../errors";
import type { Repositories } from "../repositories";
import type { UserRecord } from "../repositories/userRepository";
import { companyPolicy } from "../policies/company";
import { findBadTaxonomyCodes } from "../domain/taxonomyCodes";

/** Changes a company's profile: members and organisers only, taxonomy codes checked, search key rebuilt. */
export async function updateCompanyProfile(repos: Repositories, user: UserRecord, companyId: string, changes: CompanyProfileUpdate) {
  const company = await repos.companies.findById(companyId);
  if (!company || !companyPolicy.canSeeCard(user, company)) throw notFound();
  if (!companyPolicy.canEdit(user, company)) throw new AppError("forbidden");
  const bad = findBadTaxonomyCodes(changes, await repos.taxonomy.list());
  if (Object.keys(bad).length) throw validationFailed(bad);
  const merged = { ...company, ...changes };
  const updated = await repos.companies.update(companyId, { ...changes, searchKey: companySearchKey(merged) });
  if (!updated) throw notFound();
  return updated;
}
