import { PLAN_DEFAULT_TARGETS, type ProgrammeTargetsBody } from "@ketnoi/contracts";
import type { CommandContext } from "../context";

export interface YearTargets {
  year: number;
  targets: ProgrammeTargetsBody;
  /** Whether organisers entered them; a year without has the plans' own figures. */
  entered: boolean;
  updatedAt?: Date;
}

/** A year's targets: as organisers entered them, else the plans' (Plan 35/KH-UBND, Plan 267/KH-UBND). */
export async function yearTargets({ repos }: CommandContext, year: number): Promise<YearTargets> {
  const stored = await repos.programmeTargets.find(year);
  return stored
    ? { year, targets: stored.targets, entered: true, updatedAt: stored.updatedAt }
    : { year, targets: PLAN_DEFAULT_TARGETS, entered: false };
}

/** Organisers enter (or correct) a year's targets; the whole set replaces the one before. */
export async function saveYearTargets({ repos }: CommandContext, year: number, targets: ProgrammeTargetsBody, userId: string): Promise<YearTargets> {
  const saved = await repos.programmeTargets.save(year, targets, userId);
  return { year, targets: saved.targets, entered: true, updatedAt: saved.updatedAt };
}
