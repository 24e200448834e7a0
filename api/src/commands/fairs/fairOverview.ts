import { notFound } from "../../errors";
import type { CommandContext } from "../context";
import type { UserRecord } from "../../repositories/userRepository";
import { eventFor } from "../events/eventInContext";
import type { FairRecord } from "../../repositories/fairRepository";
import type { CompanyCounts } from "../../repositories/companyRepository";
import type { FairSessionRecord } from "../../repositories/fairSessionRepository";

/** A fair with its figures and its programme: what the fair's summary presents. */
export interface FairOverview {
  fair: FairRecord;
  counts: CompanyCounts & { interpreters: number };
  sessions: FairSessionRecord[];
}

/** The figures and programme of a fair already loaded. */
export async function overviewOf({ repos }: CommandContext, fair: FairRecord): Promise<FairOverview> {
  const [counts, interpreters, sessions] = await Promise.all([
    repos.companies.countsForFair(fair.id),
    repos.interpreters.countForFair(fair.id),
    repos.fairSessions.listForFair(fair.id),
  ]);
  return { fair, counts: { ...counts, interpreters }, sessions };
}

/** The event in context (see eventFor). */
export async function currentFairOverview(ctx: CommandContext, user: UserRecord | undefined, event: string | undefined): Promise<FairOverview> {
  return overviewOf(ctx, await eventFor(ctx, user, event));
}

export async function fairOverviewBySlug(ctx: CommandContext, slug: string): Promise<FairOverview> {
  const fair = await ctx.repos.fairs.findBySlug(slug);
  if (!fair) throw notFound();
  return overviewOf(ctx, fair);
}

/** A fair's stored set-up, for organisers to edit. */
export async function fairSetupBySlug({ repos }: CommandContext, slug: string): Promise<FairRecord> {
  const fair = await repos.fairs.findBySlug(slug);
  if (!fair) throw notFound();
  return fair;
}
