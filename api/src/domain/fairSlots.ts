import { DateTime } from "luxon";
import type { FairSetup } from "@ketnoi/contracts";

/**
 * One of the fair's meeting slots. Its start instant is its identity: reservations, a firm's blocked
 * slots, meetings and the API all name a slot by when it starts, so a change of hours or breaks moves
 * nothing that is stored.
 */
export interface Slot {
  start: Date;
  end: Date;
  /** The fair day it falls on (YYYY-MM-DD in the fair's zone). */
  day: string;
  /**
   * "d<day>s<n>" (day and position counted from 1, e.g. "d1s03"): a label for people and for the
   * scheduler's file format. Positions shift when breaks change, so nothing is stored by it.
   */
  label: string;
}

/** The part of a fair's set-up its slots follow. */
export type SlotSetup = Pick<FairSetup, "days" | "timeZone" | "slotMinutes" | "dailyHours" | "breaks">;

/**
 * The fair's meeting slots: each day from the daily start to the end in slot-length steps, in the
 * fair's time zone, leaving out slots that overlap a break. Times come out in UTC.
 */
function computeSlots(fair: SlotSetup): Slot[] {
  const slots: Slot[] = [];
  fair.days.forEach((day, d) => {
    const at = (hhmm: string) => DateTime.fromISO(`${day}T${hhmm}`, { zone: fair.timeZone });
    const breaks = fair.breaks.map((b) => [at(b.start), at(b.end)] as const);
    const close = at(fair.dailyHours.end);
    let n = 0;
    for (
      let start = at(fair.dailyHours.start);
      start.plus({ minutes: fair.slotMinutes }) <= close;
      start = start.plus({ minutes: fair.slotMinutes })
    ) {
      const end = start.plus({ minutes: fair.slotMinutes });
      if (breaks.some(([from, to]) => start < to && end > from)) continue;
      n++;
      slots.push({ label: `d${d + 1}s${String(n).padStart(2, "0")}`, day, start: start.toUTC().toJSDate(), end: end.toUTC().toJSDate() });
    }
  });
  return slots;
}

interface SlotTable {
  list: readonly Slot[];
  byStart: Map<number, Slot>;
  byLabel: Map<string, Slot>;
}

/**
 * Slots computed once per set-up. The key is the set-up itself (days, zone, length, hours, breaks),
 * not a revision number: a fair read in any process, before or after any change, finds the slots of
 * exactly what it holds, so the memo can never serve stale slots. A few set-ups are kept (a process
 * serves one or two fairs; tests make many).
 */
const memo = new Map<string, SlotTable>();
const MEMO_SIZE = 32;

function table(fair: SlotSetup): SlotTable {
  const key = JSON.stringify([
    fair.days,
    fair.timeZone,
    fair.slotMinutes,
    fair.dailyHours.start,
    fair.dailyHours.end,
    fair.breaks.map((b) => [b.start, b.end]),
  ]);
  let found = memo.get(key);
  if (!found) {
    // Shared by every caller: frozen, so none can reorder or edit another's slots.
    const list = Object.freeze(computeSlots(fair).map((s) => Object.freeze(s)));
    found = { list, byStart: new Map(list.map((s) => [s.start.getTime(), s])), byLabel: new Map(list.map((s) => [s.label, s])) };
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(key, found);
  }
  return found;
}

/** The fair's slots in time order (computed once per set-up). */
export function fairSlots(fair: SlotSetup): readonly Slot[] {
  return table(fair).list;
}

/** The fair's slot that starts at this instant, if there is one. */
export function slotAt(fair: SlotSetup, start: Date): Slot | undefined {
  return table(fair).byStart.get(start.getTime());
}

/** A slot as an API body names it: its start instant (ISO 8601), or its label ("d1s03"); undefined if the fair has none such. */
export function slotNamed(fair: SlotSetup, ref: string): Slot | undefined {
  if (!/^\d{4}-/.test(ref)) return table(fair).byLabel.get(ref);
  const start = new Date(ref);
  return Number.isNaN(start.getTime()) ? undefined : slotAt(fair, start);
}

/** How the API shows a slot: its start instant is its id. */
export const slotView = (s: { start: Date; end: Date }) => ({ id: s.start.toISOString(), start: s.start.toISOString(), end: s.end.toISOString() });

/** Working hours a remote participant keeps in its own zone (the scheduler respects them). */
export const REMOTE_WORKING_HOURS = { start: "08:00", end: "18:00" };

export interface AvailabilityInput {
  participation: "onsite" | "remote";
  timeZone: string;
  /** Fair sessions the company registered for: busy then. */
  busy: { start: Date; end: Date }[];
  /** Starts of the slots the company marked as unavailable. */
  blocked: readonly Date[];
}

export type SlotAvailability = { slot: Slot; available: boolean; reason?: "session" | "blocked" | "outsideWorkingHours" };

/** Which slots a participant can meet in: fair hours, minus its sessions and blocks, and for remote participants within its own working day. */
export function availableSlots(slots: readonly Slot[], p: AvailabilityInput): SlotAvailability[] {
  // A block stored before blocks were starts (a slot id) is skipped until migrateSlotIdentity converts it, never a crash.
  const blocked = new Set(p.blocked.flatMap((d) => (d instanceof Date ? [d.getTime()] : [])));
  return slots.map((slot) => {
    if (blocked.has(slot.start.getTime())) return { slot, available: false, reason: "blocked" };
    if (p.busy.some((b) => slot.start < b.end && slot.end > b.start)) return { slot, available: false, reason: "session" };
    if (p.participation === "remote" && !withinWorkingDay(slot, p.timeZone)) return { slot, available: false, reason: "outsideWorkingHours" };
    return { slot, available: true };
  });
}

/** Answers kept at most (zones times slots: a few thousand for a fair): past it they are forgotten and worked out again. */
const MAX_WORKING_DAY_ANSWERS = 50_000;
const workingDayAnswers = new Map<string, boolean>();

/**
 * Whether the slot lies within one working day in the zone. The same for every firm of the zone, so
 * it is kept: worked out with Luxon's zone arithmetic for every slot of the fair, it cost each
 * booking with a remote firm 10-20 ms of the api's only thread (the longest tasks in a booking rush).
 */
function withinWorkingDay(slot: Slot, timeZone: string): boolean {
  const key = `${timeZone} ${slot.start.getTime()} ${slot.end.getTime()}`;
  let answer = workingDayAnswers.get(key);
  if (answer === undefined) {
    const local = DateTime.fromJSDate(slot.start).setZone(timeZone);
    const localEnd = DateTime.fromJSDate(slot.end).setZone(timeZone);
    const at = (hhmm: string) => {
      const [hour, minute] = hhmm.split(":").map(Number);
      return local.set({ hour, minute, second: 0, millisecond: 0 });
    };
    answer =
      local >= at(REMOTE_WORKING_HOURS.start) &&
      localEnd <= at(REMOTE_WORKING_HOURS.end) &&
      local.hasSame(localEnd.minus({ milliseconds: 1 }), "day");
    if (workingDayAnswers.size >= MAX_WORKING_DAY_ANSWERS) workingDayAnswers.clear();
    workingDayAnswers.set(key, answer);
  }
  return answer;
}
