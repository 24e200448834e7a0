import type { FairSummary } from "@ketnoi/contracts";
import { DateTime } from "luxon";
import type { FairRecord } from "../repositories/fairRepository";
import type { DirectoryCounts } from "../domain/directoryIndex";
import type { FairSessionRecord } from "../repositories/fairSessionRepository";
import { presentFairSession } from "./fairSession";

/** The first meeting minute of the first day and the last of the last, in UTC. */
function fairBounds(fair: FairRecord) {
  const at = (day: string | undefined, time: string) =>
    DateTime.fromISO(`${day}T${time}`, { zone: fair.timeZone }).toUTC().toISO({ suppressMilliseconds: true })!;
  const hours = fair.dailyHours;
  return { startsAt: at(fair.days[0], hours.start), endsAt: at(fair.days[fair.days.length - 1], hours.end) };
}

export function presentFairSummary(fair: FairRecord, counts: DirectoryCounts & { interpreters: number }, sessions: FairSessionRecord[]): FairSummary {
  return {
    slug: fair.slug,
    name: fair.name,
    venue: fair.venue,
    timeZone: fair.timeZone,
    days: fair.days,
    ...fairBounds(fair),
    slotMinutes: fair.slotMinutes,
    onsiteTables: fair.onsiteTables,
    onlineRoomsPerSlot: fair.onlineRoomsPerSlot,
    counts,
    programme: sessions.map(presentFairSession),
  };
}
