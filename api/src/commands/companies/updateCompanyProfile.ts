import { companySearchKey, type CompanyProfileUpdate } from "@ketnoi/contracts";
import { AppError, notFound, validationFailed } from "../../errors";
import type { Repositories } from "../../repositories";
import type { UserRecord } from "../../repositories/userRepository";
import { companyPolicy } from "../../policies/company";
import { findBadTaxonomyCodes } from "../../domain/taxonomyCodes";
import type { CompanyContext } from "./context";

/** Whether the firm's owner has consented to showing its profile (what lists a firm). */
async function ownerConsentsToSharing(repos: Repositories, companyId: string) {
  const members = await repos.users.listByCompany(companyId);
  return members.some((u) => u.companyRole === "owner" && u.consents.some((c) => c.purpose === "profileSharing"));
}

/**
 * Changes a company's profile: members and organisers only, taxonomy codes checked, search key
 * rebuilt; `listed` only as companyPolicy.canSetListed allows. A refused change changes nothing.
 * The directory and the matching engine of this process see the change at once.
 */
export async function updateCompanyProfile(ctx: CompanyContext, user: UserRecord, companyId: string, changes: CompanyProfileUpdate) {
  const { repos } = ctx;
  const company = await repos.companies.findById(companyId);
  if (!company || !companyPolicy.canSeeCard(user, company)) throw notFound();
  if (!companyPolicy.canEdit(user, company)) throw new AppError("forbidden");
  const bad = findBadTaxonomyCodes(changes, await repos.taxonomy.list());
  if (changes.listed !== undefined && !companyPolicy.canSetListed(user, changes.listed, await ownerConsentsToSharing(repos, companyId)))
    bad.listed = "listedByConsent";
  if (Object.keys(bad).length) throw validationFailed(bad);
  const merged = { ...company, ...changes };
  const updated = await repos.companies.update(companyId, { ...changes, searchKey: companySearchKey(merged) });
  if (!updated) throw notFound();
  await ctx.directory.companyChanged(updated.id);
  ctx.matching.companyChanged(updated);
  return updated;
}
