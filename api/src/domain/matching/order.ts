/**
 * How candidates are ordered for a viewer, shared by recommend and the spreading model so that both
 * rank alike: by score band, then by a hash of the pair.
 */

/** Identity up to 0.8, then a smooth approach to 1, so strong boosts stay below 1 and never tie at the top. */
const softCap = (raw: number) => (raw <= 0.8 ? raw : 0.8 + 0.2 * (1 - Math.exp(-(raw - 0.8) / 0.2)));

/** Scores this close count as equal (the structure cannot tell such candidates apart). */
const TIE_BAND = 0.01;
export const band = (raw: number) => Math.floor(softCap(raw) / TIE_BAND);

/** The score shown: the band's lower edge, so shown scores never rise down a list. */
export const shownScore = (raw: number) => Math.round(band(raw) * TIE_BAND * 100) / 100;

/**
 * Order between two candidates in the same band for one viewer: a hash of the pair, so that parties
 * tied on structure (common: codes are discrete) are shared out across viewers instead of the same
 * one winning every tie. Deterministic, so a ranking never changes from one request to the next;
 * symmetric, so a pair computes it once.
 */
export function tieBreak(a: string, b: string): number {
  let h = 0x811c9dc5;
  const text = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
