import type { CopyEventBody } from "@ketnoi/contracts";
import { AppError, notFound, validationFailed } from "../../errors";
import { checkFairSetup } from "../../domain/fairSetupRules";
import { shiftToDays } from "../../domain/eventCopy";
import type { CommandContext } from "../context";
import type { FairRecord } from "../../repositories/fairRepository";
import type { UserRecord } from "../../repositories/userRepository";
import { eventPolicy } from "../../policies/event";

/**
 * Starts the next event from an earlier one: its kind, venue, time zone, slot length, hours and breaks,
 * tables and zones, online rooms, weights and approval rule, on the new days; its programme sessions
 * at the same local times on the matching days (a session on a day the new event lacks is left out),
 * with no registrations. Firms, interpreters and meetings stay with their events: firms join the new
 * one themselves (one click), interpreters are booked per event. An organiser scoped to some events
 * organises the one they start (a partner agency's desk starts next year's delegation visit and sets it up).
 */
export async function copyEvent(
  { repos }: CommandContext,
  organiser: UserRecord,
  fromSlug: string,
  body: CopyEventBody,
): Promise<{ fair: FairRecord; sessions: number }> {
  const from = await repos.fairs.findBySlug(fromSlug);
  if (!from) throw notFound();
  const days = [...new Set(body.days)].sort();
  const { id: _id, slug: _slug, createdAt: _c, updatedAt: _u, ...setup } = from as FairRecord & { createdAt?: Date; updatedAt?: Date };
  const next = { ...setup, name: body.name, days };
  const bad = checkFairSetup(next, await repos.taxonomy.list());
  if (Object.keys(bad).length) throw validationFailed(bad);
  const fair = await repos.fairs.create({ ...next, slug: body.slug });
  if (!fair) throw new AppError("conflict", { slug: "eventSlugTaken" });
  if (eventPolicy.isScoped(organiser)) await repos.users.addEventScope(organiser.id, fair.id);
  const programme = (await repos.fairSessions.listForFair(from.id)).flatMap((s) => {
    const startsAt = shiftToDays(s.startsAt, from.days, days, from.timeZone);
    const endsAt = shiftToDays(s.endsAt, from.days, days, from.timeZone);
    if (!startsAt || !endsAt) return [];
    const { id: _sid, createdAt: _c, updatedAt: _u, fairId: _f, key, ...session } = s;
    return [{ ...session, startsAt, endsAt, fairId: fair.id, key: `${body.slug}:${key}` }];
  });
  await repos.fairSessions.createMany(programme);
  return { fair, sessions: programme.length };
}
