import type { TaxonomyTerm } from "@ketnoi/contracts";

/**
 * Partial credit through the taxonomy hierarchy, for "wanted" (a need, a required process or
 * material) against "have" (an offer, a held process or material):
 * - the same code, or "have" more specific than "wanted" (needs presses, offers servo presses): 1;
 * - "have" more general than "wanted" (needs servo presses, offers presses): 0.6 per level up;
 * - siblings or cousins under a common parent (3-axis against 5-axis milling): 0.3;
 * - otherwise 0.
 */
export const CREDIT = { exact: 1, perLevelUp: 0.6, related: 0.3 } as const;

export interface CodeCredit {
  /** Credit of `have` for `wanted`, in [0, 1]. */
  credit(wanted: string, have: string): number;
  /** Every code that earns credit against `code` in either direction (itself included). */
  related(code: string): readonly string[];
  /** The code and its ancestors, nearest first. */
  lineage(code: string): readonly string[];
}

export function codeCredit(terms: readonly TaxonomyTerm[]): CodeCredit {
  const parent = new Map(terms.flatMap((t) => (t.parent ? [[t.code, t.parent] as const] : [])));
  const lineageOf = new Map<string, string[]>();
  const lineage = (code: string): string[] => {
    let line = lineageOf.get(code);
    if (!line) {
      line = [code];
      for (let p = parent.get(code); p && !line.includes(p); p = parent.get(p)) line.push(p);
      lineageOf.set(code, line);
    }
    return line;
  };
  const table = new Map<string, Map<string, number>>();
  const score = (wanted: string, have: string): number => {
    if (wanted === have) return CREDIT.exact;
    const up = lineage(have);
    const down = lineage(wanted);
    if (up.includes(wanted)) return CREDIT.exact;
    const levels = down.indexOf(have);
    if (levels > 0) return CREDIT.perLevelUp ** levels;
    return up.slice(1).some((a) => down.includes(a)) ? CREDIT.related : 0;
  };
  const codes = new Set(terms.map((t) => t.code));
  for (const w of codes) {
    const row = new Map<string, number>();
    for (const h of codes) {
      const c = score(w, h);
      if (c > 0) row.set(h, c);
    }
    table.set(w, row);
  }
  const relatedOf = new Map([...table].map(([code, row]) => [code, [...row.keys()]]));
  return {
    // Codes outside the taxonomy (an older version's) still match themselves exactly.
    credit: (wanted, have) => table.get(wanted)?.get(have) ?? (wanted === have ? CREDIT.exact : 0),
    related: (code) => relatedOf.get(code) ?? [code],
    lineage,
  };
}
