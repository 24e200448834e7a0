import type { PairMatch } from "./pairScore";
import { band } from "./tieBreak";

export const SPREAD = {
  /** The list length participants look at. */
  listLength: 10,
  /** Share of list appearances expected to turn into requests: a party can absorb slots / rate appearances. */
  requestRate: 0.3,
  /** Damping of one round: price *= (absorbable / appearances) ** this, kept within [floor, 1]. */
  step: 0.3,
  floor: 0.2,
  rounds: 12,
} as const;

/**
 * A price per party in [0.2, 1] that spreads proposals over parties with free time: rank every
 * participant's list as recommend does without a context (structural score, country priority,
 * price; near-ties shared out by tieBreak), count the lists each party lands in, lower the price of
 * parties that would get more requests than they have slots and give some back to those below, for
 * a few damped rounds; the price used is the mean over the second half of the rounds, which damps
 * the see-saw between parties that compete for the same lists.
 * Each round is one pass over all pairs; the engine reruns it lazily after profiles change.
 */
export function spreadPrices(links: ReadonlyMap<string, ReadonlyMap<string, PairMatch>>, slotsOf: (id: string) => number, boostOf: (id: string) => number): Map<string, number> {
  // Flattened once into arrays: the rounds then allocate nothing.
  const ids = [...links.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const start = new Int32Array(ids.length + 1);
  ids.forEach((id, i) => (start[i + 1] = start[i]! + links.get(id)!.size));
  const other = new Int32Array(start[ids.length]!);
  const base = new Float64Array(other.length);
  const tie = new Uint32Array(other.length);
  ids.forEach((id, i) => {
    let j = start[i]!;
    for (const [otherId, pair] of links.get(id)!) (other[j] = index.get(otherId)!), (base[j] = pair.base * boostOf(otherId)), (tie[j++] = pair.tie);
  });
  const absorbable = Float64Array.from(ids, (id) => Math.max(1, slotsOf(id)) / SPREAD.requestRate);
  const price = new Float64Array(ids.length).fill(1);
  const sum = new Float64Array(ids.length);
  const appearances = new Int32Array(ids.length);
  const L = SPREAD.listLength;
  const topAt = new Int32Array(L);
  const topBand = new Int32Array(L);
  const averaged = Math.ceil(SPREAD.rounds / 2);

  for (let round = 0; round < SPREAD.rounds; round++) {
    appearances.fill(0);
    for (let v = 0; v < ids.length; v++) {
      let size = 0;
      for (let j = start[v]!; j < start[v + 1]!; j++) {
        const b = band(base[j]! * price[other[j]!]!);
        // Higher band first, then the lower tie hash (as recommend orders).
        const beats = (t: number) => b > topBand[t]! || (b === topBand[t]! && tie[j]! < tie[topAt[t]!]!);
        if (size === L && !beats(L - 1)) continue;
        let i = size < L ? size++ : L - 1;
        while (i > 0 && beats(i - 1)) (topAt[i] = topAt[i - 1]!), (topBand[i] = topBand[i - 1]!), i--;
        topAt[i] = j;
        topBand[i] = b;
      }
      for (let t = 0; t < size; t++) appearances[other[topAt[t]!]!]!++;
    }
    for (let c = 0; c < ids.length; c++) {
      price[c] = Math.min(1, Math.max(SPREAD.floor, price[c]! * (absorbable[c]! / Math.max(1, appearances[c]!)) ** SPREAD.step));
      if (round >= SPREAD.rounds - averaged) sum[c]! += price[c]!;
    }
  }
  return new Map(ids.flatMap((id, c) => (sum[c]! < averaged ? [[id, sum[c]! / averaged] as const] : [])));
}
