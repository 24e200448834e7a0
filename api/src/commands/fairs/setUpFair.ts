import type { FairSetup } from "@ketnoi/contracts";
import { notFound, validationFailed } from "../../errors";
import { checkFairSetup } from "../../domain/fairSetupRules";
import { replanAfterFairChange } from "../meetings/replanAfterFairChange";
import type { FairContext } from "./context";
import { overviewOf, type FairOverview } from "./fairOverview";

/** Booked meetings a change displaced: moved to another slot, or cancelled when none was free (everyone told). */
export interface Replanned {
  moved: number;
  cancelled: number;
}

/**
 * An organiser sets up a fair (days, slot length, hours and breaks, tables and zones, online rooms, weights):
 * checked against the set-up rules and the taxonomy, stored, and booked meetings the change displaces moved
 * or cancelled with notice. Firms' blocked slots are named by their start, so they keep their times.
 */
export async function setUpFair(
  ctx: FairContext,
  slug: string,
  setup: Omit<FairSetup, "slug">,
  actorUserId: string,
): Promise<FairOverview & { replanned: Replanned }> {
  const { repos, meetings } = ctx;
  if (!(await repos.fairs.findBySlug(slug))) throw notFound();
  const bad = checkFairSetup(setup, await repos.taxonomy.list());
  if (Object.keys(bad).length) throw validationFailed(bad);
  const updated = await repos.fairs.upsertBySlug({ ...setup, slug });
  const replanned = await replanAfterFairChange(meetings, updated, actorUserId);
  return { ...(await overviewOf(ctx, updated)), replanned };
}
