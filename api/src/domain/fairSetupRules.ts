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
