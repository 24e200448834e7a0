/** Percentile (nearest rank) of a list of numbers, in the same unit, rounded to 0.01. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank]! * 100) / 100;
}

/** The largest of a list (0 when empty), without spreading it into arguments: a bench's hundreds of thousands of latencies overflow the call stack. */
export function maximum(values: number[]): number {
  return values.reduce((max, v) => Math.max(max, v), values.length ? Number.NEGATIVE_INFINITY : 0);
}
