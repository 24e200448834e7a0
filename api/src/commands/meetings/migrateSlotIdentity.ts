import type { Repositories } from "../../repositories";
import type { FairRecord } from "../../repositories/fairRepository";
import { slotNamed } from "../../domain/fairSlots";

/**
 * Brings a database from before slots were named by their start up to date; run at every start of
 * the api and by the seed, before anything is served. Idempotent, and safe with several processes
 * running it at once (each writes the same values):
 * - a firm's blocked slots held slot ids ("d1s03", positions in the fair's day as set up then, kept in
 *   step with the hours by the old code): each becomes that slot's start in the fair as it is now;
 *   an id the fair no longer has is dropped (the old code dropped it too);
 * - an online meeting's room number was only in its reservation key ("r:<fair>:<minute>:<n>"): it is
 *   written on the meeting. This is the one place a key is read back, once per old meeting.
 * Returns how many records it changed.
 */
export async function migrateSlotIdentity(repos: Repositories): Promise<{ companies: number; meetings: number }> {
  const fairs = new Map<string, Promise<FairRecord | null>>();
  const fairOf = (id: string) => fairs.get(id) ?? fairs.set(id, repos.fairs.findById(id)).get(id)!;
  let companies = 0;
  for (const c of await repos.companies.listAll()) {
    const stored = (c.blockedSlots ?? []) as unknown[];
    if (!stored.some((b) => typeof b === "string")) continue;
    const fair = await fairOf(c.fairId);
    const starts = stored.flatMap((b) =>
      b instanceof Date ? [b] : typeof b === "string" && fair ? [slotNamed(fair, b)?.start].filter((d) => d !== undefined) : [],
    );
    await repos.companies.setBlockedSlots(
      c.id,
      [...new Set(starts.map((d) => d.getTime()))].sort((a, b) => a - b).map((t) => new Date(t)),
    );
    companies++;
  }
  let meetings = 0;
  for (const m of await repos.meetings.listWithoutRoomNumber()) {
    const key = m.reservationKeys.find((k) => k.startsWith("r:"));
    const roomNumber = key ? Number(key.slice(key.lastIndexOf(":") + 1)) : NaN;
    if (!Number.isInteger(roomNumber)) continue;
    await repos.meetings.recordRoomNumber(m, roomNumber);
    meetings++;
  }
  return { companies, meetings };
}
