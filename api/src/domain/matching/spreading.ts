import type { PairMatch } from "./pairScore";
import { band } from "./order";

export const SPREAD = {
  /** The list length participants look at. */
  listLength: 10,
  /** Share of list appearances expected to turn into requests: a party can answer slots / rate appearances. */
  requestRate: 0.3,
  /** What a party's score is multiplied by for the viewers it is not shown to first. */
  held: 0.7,
  /** The smallest share of viewers a party is shown to first. */
  floor: 0.05,
  rounds: 6,
} as const;

/** Which viewers a party is shown to first: a hash of the pair against its share (deterministic, unlike a coin). */
export const showsFirst = (pair: PairMatch, share: number) => share >= 1 || (Math.imul(pair.tie, 0x9e3779b1) >>> 0) / 2 ** 32 < share;

/**
 * Per party, the share of viewers in (0, 1] it is shown to first. A party that would land on more
 * lists than it has slots to answer (lists ranked as recommend ranks without a context:
 * structural score and country priority) is shown first to only that share of its viewers, picked
 * by showsFirst; for the rest its score is multiplied by SPREAD.held, so it stays only where it
 * stands out and others take its place. Appearances scale with the share, so a few rounds settle it.
 * Each round is one pass over all pairs; the engine reruns it lazily after profiles change.
 */
export function spreadShares(
  links: ReadonlyMap<string, ReadonlyMap<string, PairMatch>>,
  slotsOf: (id: string) => number,
  boostOf: (id: string) => number,
): Map<string, number> {
  // Flattened once into arrays: the rounds then allocate nothing.
  const ids = [...links.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const start = new Int32Array(ids.length + 1);
  ids.forEach((id, i) => {
    start[i + 1] = start[i]! + links.get(id)!.size;
  });
  const other = new Int32Array(start[ids.length]!);
  const base = new Float64Array(other.length);
  const pairs: PairMatch[] = new Array(other.length);
  const boost = Float64Array.from(ids, boostOf);
  ids.forEach((id, i) => {
    let j = start[i]!;
    links.get(id)!.forEach((pair, otherId) => {
      const o = index.get(otherId)!;
      other[j] = o;
      base[j] = pair.base * boost[o]!;
      pairs[j++] = pair;
    });
  });
  const answerable = Float64Array.from(ids, (id) => Math.max(1, slotsOf(id)) / SPREAD.requestRate);
  const share = new Float64Array(ids.length).fill(1);
  const appearances = new Int32Array(ids.length);
  const L = SPREAD.listLength;
  const topAt = new Int32Array(L);
  const topBand = new Int32Array(L);

  for (let round = 0; round < SPREAD.rounds; round++) {
    appearances.fill(0);
    for (let v = 0; v < ids.length; v++) {
      let size = 0;
      for (let j = start[v]!; j < start[v + 1]!; j++) {
        const b = band(showsFirst(pairs[j]!, share[other[j]!]!) ? base[j]! : base[j]! * SPREAD.held);
        const tie = pairs[j]!.tie;
        // Higher band first, then the lower tie hash (as recommend orders).
        if (size === L && (b < topBand[L - 1]! || (b === topBand[L - 1]! && tie >= pairs[topAt[L - 1]!]!.tie))) continue;
        let i = size < L ? size++ : L - 1;
        for (; i > 0 && (b > topBand[i - 1]! || (b === topBand[i - 1]! && tie < pairs[topAt[i - 1]!]!.tie)); i--) {
          topAt[i] = topAt[i - 1]!;
          topBand[i] = topBand[i - 1]!;
        }
        topAt[i] = j;
        topBand[i] = b;
      }
      for (let t = 0; t < size; t++) appearances[other[topAt[t]!]!]!++;
    }
    // Appearances grow with the share: scale it by how far they miss what the party can answer.
    for (let c = 0; c < ids.length; c++) share[c] = Math.min(1, Math.max(SPREAD.floor, (share[c]! * answerable[c]!) / Math.max(1, appearances[c]!)));
  }
  return new Map(ids.flatMap((id, c) => (share[c]! < 1 ? [[id, share[c]!] as const] : [])));
}
