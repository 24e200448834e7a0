import type { SizeBand } from "@ketnoi/contracts";

/**
 * Firm size by employees, as Vietnam's Decree 80/2021/ND-CP (Article 5) bands firms in industry and
 * construction, the sector supporting-industry makers belong to: micro up to 10 employees, small up
 * to 100, medium up to 200. The decree also bands by revenue or capital; Ketnoi holds only the head
 * count, so the band is the head count's. Above 200 a firm is not an SME ("large"); a firm that gave
 * no head count is "unknown".
 */
export { SIZE_BANDS, type SizeBand } from "@ketnoi/contracts";

/** The largest head count of each band but the last (inclusive). */
const UPPER: readonly [SizeBand, number][] = [
  ["micro", 10],
  ["small", 100],
  ["medium", 200],
];

export function sizeBand(employees: number | null | undefined): SizeBand {
  if (!employees || employees < 1) return "unknown";
  return UPPER.find(([, max]) => employees <= max)?.[0] ?? "large";
}
