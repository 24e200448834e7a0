import { notFound } from "../../errors";
import type { CommandContext } from "../context";
import type { FairContext } from "./context";
import type { UserRecord } from "../../repositories/userRepository";
import { eventFor } from "../events/eventInContext";
import type { FairRecord } from "../../repositories/fairRepository";
import type { DirectoryCounts } from "../../domain/directoryIndex";
import type { FairSessionRecord } from "../../repositories/fairSessionRepository";

/** A fair with its figures and its programme: what the fair's summary presents. */
export interface FairOverview {
  fair: FairRecord;
  counts: DirectoryCounts & { interpreters: number };
  sessions: FairSessionRecord[];
}

/**
 * The figures and programme of a fair already loaded. Its firms are counted from the in-memory
 * directory, which holds each firm once per event it is registered for (a firm of the fair that also
 * joined an online week counts in both).
 */
export async function overviewOf({ repos, directory }: FairContext, fair: FairRecord): Promise<FairOverview> {
  const [counts, interpreters, sessions] = await Promise.all([
    directory.counts(fair.id),
    repos.interpreters.countForFair(fair.id),
    repos.fairSessions.listForFair(fair.id),
  ]);
  return { fair, counts: { ...counts, interpreters }, sessions };
}

/** The event in context (see eventFor). */
export async function currentFairOverview(ctx: FairContext, user: UserRecord | undefined, event: string | undefined): Promise<FairOverview> {
  return overviewOf(ctx, await eventFor(ctx, user, event));
}

export async function fairOverviewBySlug(ctx: FairContext, slug: string): Promise<FairOverview> {
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
