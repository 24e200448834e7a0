import { taxonomyLabel } from "@ketnoi/contracts";
import type { CommandContext } from "../context";
import { INTERNATIONAL_STANDARDS, TECHNOLOGY_MAKER_COUNTRIES } from "../../domain/planTargets";
import { countProgramme, type ProgrammeCount } from "../../domain/programmeProgress";
import { eventYear } from "../../domain/eventYear";
import { yearTargets, type YearTargets } from "./targets";

export type YearProgress = YearTargets & ProgrammeCount & { standards: string[]; makerCountries: string[] };

/**
 * The year's progress across every event whose last day falls in it: the year's events, the firms
 * registered for them and the meetings held there, counted by the domain (each firm once).
 */
export async function yearProgress(ctx: CommandContext, year: number): Promise<YearProgress> {
  const { repos } = ctx;
  const events = (await repos.fairs.list()).filter((f) => f.days.length > 0 && eventYear(f) === year);
  const ids = events.map((e) => e.id);
  const [targets, registrations, meetings] = await Promise.all([
    yearTargets(ctx, year),
    ids.length ? repos.participations.listForFairs(ids) : [],
    Promise.all(ids.map((id) => repos.meetings.listForFair(id))).then((lists) => lists.flat()),
  ]);
  const firms = await repos.companies.findByIds([...new Set(registrations.map((r) => r.companyId))]);
  const count = countProgramme(year, events, registrations, firms, meetings);
  return { ...targets, ...count, standards: [...INTERNATIONAL_STANDARDS], makerCountries: [...TECHNOLOGY_MAKER_COUNTRIES] };
}

/** The certifications and countries counted, named in Vietnamese for the report. */
export function countedInVietnamese(p: Pick<YearProgress, "standards" | "makerCountries">) {
  const regions = new Intl.DisplayNames(["vi"], { type: "region" });
  return { standards: p.standards.map((c) => taxonomyLabel(c, "vi")), makerCountries: p.makerCountries.map((c) => regions.of(c) ?? c) };
}
