import type { FairSetup } from "@ketnoi/contracts";
import type { FairRecord } from "../repositories/fairRepository";

/** Exactly the set-up's fields (the record also holds its id and timestamps). */
export function presentFairSetup(f: FairRecord): FairSetup {
  return {
    slug: f.slug,
    kind: f.kind ?? "hybrid",
    requiresApproval: f.requiresApproval !== false,
    name: f.name,
    venue: f.venue,
    timeZone: f.timeZone,
    days: f.days,
    slotMinutes: f.slotMinutes,
    dailyHours: { start: f.dailyHours.start, end: f.dailyHours.end },
    breaks: f.breaks.map((b) => ({ start: b.start, end: b.end, ...(b.label ? { label: b.label } : {}) })),
    onsiteTables: f.onsiteTables,
    tableZones: f.tableZones.map((z) => ({ from: z.from, to: z.to, sector: z.sector })),
    onlineRoomsPerSlot: f.onlineRoomsPerSlot,
    countryPriorities: f.countryPriorities ?? {},
  };
}
