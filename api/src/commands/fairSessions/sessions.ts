import type { z } from "zod";
import { randomUUID } from "node:crypto";
import type { FairSessionRequestSchema, Locale, LocalizedText } from "@ketnoi/contracts";
import { AppError, notFound, validationFailed } from "../../errors";
import { checkSessionTimes } from "../../domain/fairSetupRules";
import type { FairSessionRecord } from "../../repositories/fairSessionRepository";
import type { CommandContext } from "../context";

/** A session as POST /fair-sessions takes it (PATCH takes any part of it), after validation. */
export type FairSessionRequest = z.output<typeof FairSessionRequestSchema>;

/** A room sent as one string (as before rooms were localisable) is the text in the caller's language. */
const roomText = (room: string | LocalizedText, locale: Locale): LocalizedText => (typeof room === "string" ? { [locale]: room } : room);

/** Organisers add a seminar, presentation, ceremony or matchmaking round to the current fair, inside its days. */
export async function addFairSession({ repos, now }: CommandContext, session: FairSessionRequest, locale: Locale): Promise<FairSessionRecord> {
  const fair = await repos.fairs.findCurrent(now());
  if (!fair) throw notFound();
  const bad = checkSessionTimes(fair, session.startsAt, session.endsAt);
  if (Object.keys(bad).length) throw validationFailed(bad);
  return repos.fairSessions.create({ ...session, room: roomText(session.room, locale), fairId: fair.id, key: `session:${randomUUID()}` });
}

/** Organisers change a session: it stays inside its fair's days, and its capacity cannot drop below the firms registered. */
export async function changeFairSession(
  { repos }: CommandContext,
  id: string,
  changes: Partial<FairSessionRequest>,
  locale: Locale,
): Promise<FairSessionRecord> {
  const session = await repos.fairSessions.findById(id);
  if (!session) throw notFound();
  const fair = await repos.fairs.findById(session.fairId);
  if (!fair) throw notFound();
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
export async function removeFairSession({ repos }: CommandContext, id: string): Promise<void> {
  if (!(await repos.fairSessions.delete(id))) throw notFound();
}
