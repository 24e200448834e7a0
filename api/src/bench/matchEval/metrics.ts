/** Ranking metrics over labelled participants (those with at least one relevant partner). */

export type Rankings = ReadonlyMap<string, readonly string[]>;

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const labelled = (rankings: Rankings, relevant: ReadonlyMap<string, ReadonlySet<string>>) =>
  [...relevant].filter(([id, rel]) => rel.size > 0 && rankings.has(id)).map(([id, rel]) => ({ ranked: rankings.get(id)!, rel }));

/** Share of the top k that is relevant, averaged over labelled viewers. */
export function precisionAt(k: number, rankings: Rankings, relevant: ReadonlyMap<string, ReadonlySet<string>>): number {
  return mean(labelled(rankings, relevant).map(({ ranked, rel }) => ranked.slice(0, k).filter((id) => rel.has(id)).length / k));
}

/** The best precision@k any ranking could reach (viewers with fewer than k relevant partners cap it). */
export function precisionCeilingAt(k: number, rankings: Rankings, relevant: ReadonlyMap<string, ReadonlySet<string>>): number {
  return mean(labelled(rankings, relevant).map(({ rel }) => Math.min(k, rel.size) / k));
}

/** Normalised discounted cumulative gain at k with binary relevance. */
export function ndcgAt(k: number, rankings: Rankings, relevant: ReadonlyMap<string, ReadonlySet<string>>): number {
  const gain = (hits: boolean[]) => hits.reduce((sum, hit, i) => sum + (hit ? 1 / Math.log2(i + 2) : 0), 0);
  return mean(
    labelled(rankings, relevant).map(
      ({ ranked, rel }) => gain(ranked.slice(0, k).map((id) => rel.has(id))) / gain(Array.from({ length: Math.min(k, rel.size) }, () => true)),
    ),
  );
}

/** Share of `parties` that appear in at least one viewer's top k, and the most any one appears. */
export function exposure(k: number, rankings: Rankings, parties: readonly string[]): { coverage: number; maxAppearances: number } {
  const count = new Map<string, number>();
  for (const ranked of rankings.values()) for (const id of ranked.slice(0, k)) count.set(id, (count.get(id) ?? 0) + 1);
  const shown = parties.filter((id) => count.has(id));
  return { coverage: parties.length ? shown.length / parties.length : NaN, maxAppearances: Math.max(0, ...parties.map((id) => count.get(id) ?? 0)) };
}
