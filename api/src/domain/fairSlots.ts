import { DateTime } from "luxon";
import type { FairSetup } from "@ketnoi/contracts";

export interface Slot {
  /** Stable id: "d<day>s<index>", e.g. "d1s03" (day and slot counted from 1). */
  id: string;
  day: string;
  start: Date;
  end: Date;
}

/**
 * The fair's meeting slots: each day from the daily start to the end in slot-length steps, in the
 * fair's time zone, leaving out slots that overlap a break. Times come out in UTC.
 */
export function fairSlots(fair: Pick<FairSetup, "days" | "timeZone" | "slotMinutes" | "dailyHours" | "breaks">): Slot[] {
  const slots: Slot[] = [];
  fair.days.forEach((day, d) => {
    const at = (hhmm: string) => DateTime.fromISO(`${day}T${hhmm}`, { zone: fair.timeZone });
    const breaks = fair.breaks.map((b) => [at(b.start), at(b.end)] as const);
    const close = at(fair.dailyHours.end);
    let n = 0;
    for (let start = at(fair.dailyHours.start); start.plus({ minutes: fair.slotMinutes }) <= close; start = start.plus({ minutes: fair.slotMinutes })) {
      const end = start.plus({ minutes: fair.slotMinutes });
      if (breaks.some(([from, to]) => start < to && end > from)) continue;
      n++;
      slots.push({ id: `d${d + 1}s${String(n).padStart(2, "0")}`, day, start: start.toUTC().toJSDate(), end: end.toUTC().toJSDate() });
    }
  });
  return slots;
}

/** Working hours a remote participant keeps in its own zone (the scheduler respects them). */
export const REMOTE_WORKING_HOURS = { start: "08:00", end: "18:00" };

export interface AvailabilityInput {
  participation: "onsite" | "remote";
  timeZone: string;
  /** Fair sessions the company registered for: busy then. */
  busy: { start: Date; end: Date }[];
  /** Slots the company marked as unavailable. */
  blocked: string[];
}

/** Which slots a participant can meet in: fair hours, minus its sessions and blocks, and for remote participants within its own working day. */
export function availableSlots(slots: Slot[], p: AvailabilityInput): { slot: Slot; available: boolean; reason?: "session" | "blocked" | "outsideWorkingHours" }[] {
  return slots.map((slot) => {
    if (p.blocked.includes(slot.id)) return { slot, available: false, reason: "blocked" };
    if (p.busy.some((b) => slot.start < b.end && slot.end > b.start)) return { slot, available: false, reason: "session" };
    if (p.participation === "remote") {
      const local = DateTime.fromJSDate(slot.start).setZone(p.timeZone);
      const localEnd = DateTime.fromJSDate(slot.end).setZone(p.timeZone);
      const at = (hhmm: string) => {
        const [hour, minute] = hhmm.split(":").map(Number);
        return local.set({ hour, minute, second: 0, millisecond: 0 });
      };
      const open = at(REMOTE_WORKING_HOURS.start);
      const close = at(REMOTE_WORKING_HOURS.end);
      if (local < open || localEnd > close || !local.hasSame(localEnd.minus({ milliseconds: 1 }), "day")) {
        return { slot, available: false, reason: "outsideWorkingHours" };
      }
    }
    return { slot, available: true };
  });
}
