/** Scores this close count as equal when ranking (the structure cannot tell such candidates apart). */
export const TIE_BAND = 0.01;
export const band = (score: number) => Math.floor(score / TIE_BAND);

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
