import type { UserRecord } from "../../repositories/userRepository";
import { companyPolicy } from "../../policies/company";
import { findVisibleCompany } from "../../policies/companyVisibility";
import { recordProfileView } from "../matching/recommendations";
import type { CompanyContext } from "./context";

/** A company whose card the viewer may see (else not found), and whether they may see all of it; a firm's view is a signal for matching. */
export async function viewCompany(ctx: CompanyContext, viewer: UserRecord | undefined, companyId: string) {
  const company = await findVisibleCompany(ctx.repos, viewer, companyId);
  await recordProfileView(ctx, viewer, company);
  return { company, whole: companyPolicy.canSeePrivate(viewer, company) };
}
