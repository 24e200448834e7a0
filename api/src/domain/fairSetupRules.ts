import { DateTime } from "luxon";
import type { FairSetup, TaxonomyTerm } from "@ketnoi/contracts";

/** Consistency rules across a fair's set-up fields; returns field paths with message keys. */
export function checkFairSetup(fair: Omit<FairSetup, "slug">, terms: TaxonomyTerm[]): Record<string, string> {
  const bad: Record<string, string> = {};
  try {
    new Intl.DateTimeFormat("en", { timeZone: fair.timeZone });
  } catch {
    bad.timeZone = "unknownTimeZone";
  }
  fair.days.forEach((day, i) => {
    if (i > 0 && day <= fair.days[i - 1]!) bad[`days.${i}`] = "daysOutOfOrder";
  });
  const { start, end } = fair.dailyHours;
  if (end <= start) bad["dailyHours.end"] = "endBeforeStart";
  fair.breaks.forEach((b, i) => {
    if (b.end <= b.start) bad[`breaks.${i}.end`] = "endBeforeStart";
    else if (b.start < start || b.end > end) bad[`breaks.${i}`] = "outsideHours";
  });
  const sectors = new Set(terms.filter((t) => t.kind === "sector").map((t) => t.code));
  fair.tableZones.forEach((z, i) => {
    if (z.to < z.from) bad[`tableZones.${i}.to`] = "endBeforeStart";
    else if (z.to > fair.onsiteTables) bad[`tableZones.${i}.to`] = "zoneOutsideTables";
    if (!sectors.has(z.sector)) bad[`tableZones.${i}.sector`] = "unknownCode";
  });
  return bad;
}

/** A programme session lies within one fair day, its end after its start. */
export function checkSessionTimes(fair: Pick<FairSetup, "days" | "timeZone">, startsAt: Date, endsAt: Date): Record<string, string> {
  const bad: Record<string, string> = {};
  if (endsAt <= startsAt) bad.endsAt = "endBeforeStart";
  const day = DateTime.fromJSDate(startsAt).setZone(fair.timeZone).toISODate()!;
  if (!fair.days.includes(day) || DateTime.fromJSDate(endsAt).setZone(fair.timeZone).toISODate() !== day) bad.startsAt = "notAFairDay";
  return bad;
}

/** An interpreter's working days are days of the fair. */
export function checkInterpreterDays(days: string[] | undefined, fairDays: string[]): Record<string, string> {
  return Object.fromEntries((days ?? []).flatMap((d, i) => (fairDays.includes(d) ? [] : [[`availableDays.${i}`, "notAFairDay"]])));
}
