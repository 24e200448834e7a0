import { DateTime } from "luxon";
import type { FairSetup } from "@ketnoi/contracts";
import { REMOTE_WORKING_HOURS } from "../fairSlots";

/** What the matcher needs of the fair's calendar. */
export type FairHours = Pick<FairSetup, "timeZone" | "days" | "dailyHours"> & Partial<Pick<FairSetup, "breaks">>;

/** Half-open [start, end) in epoch milliseconds, sorted and disjoint within a list. */
export type Interval = readonly [number, number];

const at = (day: string, hhmm: string, zone: string) => DateTime.fromISO(`${day}T${hhmm}`, { zone }).toMillis();

/** The fair's meeting hours, day by day, without its breaks. */
export function fairWindows(fair: FairHours): Interval[] {
  return fair.days
    .flatMap((day) => {
      const open: Interval = [at(day, fair.dailyHours.start, fair.timeZone), at(day, fair.dailyHours.end, fair.timeZone)];
      const breaks = (fair.breaks ?? []).map((b): Interval => [at(day, b.start, fair.timeZone), at(day, b.end, fair.timeZone)]);
      return breaks.reduce<Interval[]>(
        (parts, b) =>
          parts
            .flatMap(
              ([s, e]) =>
                [
                  [s, Math.min(e, b[0])],
                  [Math.max(s, b[1]), e],
                ] as Interval[],
            )
            .filter(([s, e]) => e > s),
        [open],
      );
    })
    .sort((x, y) => x[0] - y[0]);
}

/** A remote participant's own working days (08-18 in its zone) around the fair's dates. */
function workingWindows(fair: FairHours, timeZone: string): Interval[] {
  const dates = new Set(
    fair.days.flatMap((day) => {
      const d = DateTime.fromISO(day, { zone: fair.timeZone });
      return [-1, 0, 1].map((shift) => d.plus({ days: shift }).toISODate()!);
    }),
  );
  return [...dates].sort().map((day): Interval => [at(day, REMOTE_WORKING_HOURS.start, timeZone), at(day, REMOTE_WORKING_HOURS.end, timeZone)]);
}

/** Overlap of two sorted interval lists. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (e > s) out.push([s, e]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

export const hoursIn = (windows: readonly Interval[]) => windows.reduce((sum, [s, e]) => sum + (e - s), 0) / 3_600_000;

/**
 * When a participant can meet: the fair's hours, and for a remote one only the part inside its own
 * working day (a Berlin vendor meets a Hanoi fair's afternoons only). Windows are computed once per
 * time zone, since time-zone arithmetic is the costly part of preparing a profile.
 */
export function meetingWindows(fair: FairHours): (p: { participation: "onsite" | "remote"; timeZone: string }) => readonly Interval[] {
  const fairHours = fairWindows(fair);
  const byZone = new Map<string, Interval[]>();
  return (p) => {
    if (p.participation === "onsite") return fairHours;
    let windows = byZone.get(p.timeZone);
    if (!windows) byZone.set(p.timeZone, (windows = intersect(fairHours, workingWindows(fair, p.timeZone))));
    return windows;
  };
}
