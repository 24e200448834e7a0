import type { z } from "zod";
import { randomUUID } from "node:crypto";
import type { FairSessionRequestSchema, Locale, LocalizedText } from "@ketnoi/contracts";
import { AppError, notFound, validationFailed } from "../../errors";
import { checkSessionTimes } from "../../domain/fairSetupRules";
import type { FairSessionRecord } from "../../repositories/fairSessionRepository";
import type { CommandContext } from "../context";
import type { UserRecord } from "../../repositories/userRepository";
import { eventFor } from "../events/eventInContext";

/** A session as POST /fair-sessions takes it (PATCH takes any part of it), after validation. */
export type FairSessionRequest = z.output<typeof FairSessionRequestSchema>;

/** A room sent as one string (as before rooms were localisable) is the text in the caller's language. */
const roomText = (room: string | LocalizedText, locale: Locale): LocalizedText => (typeof room === "string" ? { [locale]: room } : room);

/** A session of the event in context (see eventFor); one of another event is not found. */
async function sessionInEvent(ctx: CommandContext, user: UserRecord, event: string | undefined, id: string) {
  const [session, fair] = await Promise.all([ctx.repos.fairSessions.findById(id), eventFor(ctx, user, event)]);
  if (!session || session.fairId !== fair.id) throw notFound();
  return { session, fair };
}

/** Organisers add a seminar, presentation, ceremony or matchmaking round to the event in context, inside its days. */
export async function addFairSession(
  ctx: CommandContext,
  user: UserRecord,
  event: string | undefined,
  session: FairSessionRequest,
  locale: Locale,
): Promise<FairSessionRecord> {
  const { repos } = ctx;
  const fair = await eventFor(ctx, user, event);
  const bad = checkSessionTimes(fair, session.startsAt, session.endsAt);
  if (Object.keys(bad).length) throw validationFailed(bad);
  return repos.fairSessions.create({ ...session, room: roomText(session.room, locale), fairId: fair.id, key: `session:${randomUUID()}` });
}

/** Organisers change a session: it stays inside its fair's days, and its capacity cannot drop below the firms registered. */
export async function changeFairSession(
  ctx: CommandContext,
  user: UserRecord,
  event: string | undefined,
  id: string,
  changes: Partial<FairSessionRequest>,
  locale: Locale,
): Promise<FairSessionRecord> {
  const { repos } = ctx;
  const { session, fair } = await sessionInEvent(ctx, user, event, id);
  const bad = checkSessionTimes(fair, changes.startsAt ?? session.startsAt, changes.endsAt ?? session.endsAt);
  if (Object.keys(bad).length) throw validationFailed(bad);
  if (changes.capacity !== undefined && changes.capacity < (await repos.fairSessions.countRegistrations(id)))
    throw new AppError("conflict", { capacity: "belowRegistrations" });
  const { room, ...rest } = changes;
  const updated = await repos.fairSessions.update(id, room === undefined ? rest : { ...rest, room: roomText(room, locale) });
  if (!updated) throw notFound();
  return updated;
}

/** Organisers remove a session with its registrations. */
export async function removeFairSession(ctx: CommandContext, user: UserRecord, event: string | undefined, id: string): Promise<void> {
  await sessionInEvent(ctx, user, event, id);
  if (!(await ctx.repos.fairSessions.delete(id))) throw notFound();
}
