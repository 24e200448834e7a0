/**
 * Values closer than this are one value: a plan's value is a sum of decimal values (0.83 + 0.71 ...),
 * and two sums of the same meetings in another order differ in their last bits.
 */
export const VALUE_TOLERANCE = 1e-9;

/** What the objective looks at in a plan: its value and its breaks (format.ts, checker.ts). */
export interface PlanScore {
  value: number;
  breaks: number;
}

/**
 * Whether plan `a` is better than plan `b` by the format's objective: more value (beyond rounding);
 * at the same value, fewer breaks. The one comparison of plans: the solver keeps its best plan by
 * it, and the solver threads' plans are chosen between by it (services/solverRunner.ts).
 */
export function isBetterPlan(a: PlanScore, b: PlanScore): boolean {
  if (a.value > b.value + VALUE_TOLERANCE) return true;
  if (a.value < b.value - VALUE_TOLERANCE) return false;
  return a.breaks < b.breaks;
}
