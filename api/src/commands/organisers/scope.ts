import { AppError } from "../../errors";
import { eventPolicy } from "../../policies/event";
import type { CommandContext } from "../context";
import { eventFor } from "../events/eventInContext";
import type { UserRecord } from "../../repositories/userRepository";

/**
 * The event checks every organiser endpoint makes before its command runs (routes/organiserScope.ts
 * declares them per endpoint). Callers who are not organisers pass: their endpoints' own rules apply.
 */
const refuse = (message: string) => new AppError("forbidden", { event: message });

/** An event named by its slug must be one the organiser organises; an unknown slug passes on (the command answers 404). */
export async function checkEventOrganiser({ repos }: Pick<CommandContext, "repos">, user: UserRecord, slug: string): Promise<void> {
  if (user.role !== "organiser" || !eventPolicy.isScoped(user)) return;
  const fair = await repos.fairs.findBySlug(slug);
  if (fair && !eventPolicy.canOrganise(user, fair)) throw refuse("eventNotOrganised");
}

/**
 * The event in context (the one the page names, else the fair running now or next: what the
 * scheduler, interpreters, sessions, badges and check-in act on) must be the organiser's.
 */
export async function checkCurrentFairOrganiser(ctx: CommandContext, user: UserRecord, event: string | undefined): Promise<void> {
  if (user.role !== "organiser" || !eventPolicy.isScoped(user)) return;
  const fair = await eventFor(ctx, user, event).catch(() => null);
  if (!fair || !eventPolicy.canOrganise(user, fair)) throw refuse("eventNotOrganised");
}

/** The programme as a whole, and what spans every event: unscoped organisers only. */
export function checkProgrammeOrganiser(user: UserRecord): void {
  if (user.role === "organiser" && !eventPolicy.canOrganiseProgramme(user)) throw refuse("programmeNotOrganised");
}
