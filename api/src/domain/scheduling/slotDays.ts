import { DateTime } from "luxon";

/** The zone of an instance without `timeZone`: the one version 1 of the format counts days in (Hanoi's). */
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

/**
 * The day of each slot, in slot order: the date of its start in the instance's zone (format.ts).
 * Two meetings of a participant are on one day, so that idle slots between them are a break, when
 * their slots' days are equal. Apart from format.ts so that the solver's threads load no schema.
 */
export function slotDays(inst: { slots: { start: string }[]; timeZone?: string | undefined }): string[] {
  const zone = inst.timeZone ?? DEFAULT_TIME_ZONE;
  return inst.slots.map((s) => DateTime.fromISO(s.start, { zone }).toISODate()!);
}
