import type { UserRecord } from "../../repositories/userRepository";
import { companyPolicy } from "../../policies/company";
import { findVisibleCompany } from "../../policies/companyVisibility";
import { recordProfileView } from "../matching/recommendations";
import type { CompanyContext } from "./context";
import { firmInEvent } from "../events/eventInContext";

/** A company whose card the viewer may see (else not found), and whether they may see all of it; a firm's view is a signal for matching. */
export async function viewCompany(ctx: CompanyContext, viewer: UserRecord | undefined, event: string | undefined, companyId: string) {
  const stored = await findVisibleCompany(ctx.repos, viewer, companyId);
  // Seen from an event's directory, the firm as it takes part there (onsite at the fair, remote in an online week).
  const fair = event ? await ctx.repos.fairs.findBySlug(event) : null;
  const company = (fair && (await firmInEvent(ctx, fair.id, stored))) || stored;
  await recordProfileView(ctx, viewer, company);
  return { company, whole: companyPolicy.canSeePrivate(viewer, company) };
}
