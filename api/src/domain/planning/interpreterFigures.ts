import type { Instance, Solution } from "../scheduling/format";
import { checkSolution } from "../scheduling/checker";

/**
 * A plan's figures for its interpreters, counted by the independent checker: the most meetings in a
 * row the plan allows (null: no limit), the longest run, the runs as long as the limit (where the
 * rule made an interpreter pause) and the average table distance between back-to-back meetings.
 */
export function interpreterFigures(inst: Instance, sol: Solution) {
  const { interpreters } = checkSolution(inst, sol);
  return {
    maxRun: inst.interpreterMaxRun ?? null,
    longestRun: interpreters.longestRun,
    runsAtCap: interpreters.runsAtCap,
    averageTableDistance: interpreters.averageTableDistance,
  };
}
