import type { ProgrammeProgress, ProgrammeTargets, ProgrammeTargetsBody } from "@ketnoi/contracts";
import type { ProgrammeCount } from "../domain/programmeProgress";

interface YearTargetsView {
  year: number;
  targets: ProgrammeTargetsBody;
  entered: boolean;
  updatedAt?: Date;
}

export const presentProgrammeTargets = (t: YearTargetsView): ProgrammeTargets => ({
  year: t.year,
  targets: t.targets,
  entered: t.entered,
  ...(t.updatedAt ? { updatedAt: t.updatedAt.toISOString() } : {}),
});

/** The year's progress for the organisers' page: counts and events, not the firm-level rows (those are in the workbook). */
export const presentProgrammeProgress = (
  p: YearTargetsView & ProgrammeCount & { standards: string[]; makerCountries: string[] },
): ProgrammeProgress => ({
  ...presentProgrammeTargets(p),
  progress: p.progress,
  events: p.events,
  standards: p.standards,
  makerCountries: p.makerCountries,
});
