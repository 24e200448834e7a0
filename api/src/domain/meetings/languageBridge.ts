import { spokenLanguage } from "@ketnoi/contracts";

/**
 * Whether two sides can talk on their own, and if not, which two languages an interpreter must
 * bridge: each side's first (preferred) language, as spoken.
 */
export function languageBridge(a: string[], b: string[]): [string, string] | null {
  const theirs = new Set(b.map(spokenLanguage));
  if (a.some((l) => theirs.has(spokenLanguage(l)))) return null;
  const first = (langs: string[]) => spokenLanguage(langs[0] ?? "vi");
  return [first(a), first(b)];
}

/** An interpreter can serve a pair when it speaks one language of each side. */
export function interpreterBridges(interpreterLanguages: string[], a: string[], b: string[]): boolean {
  const speaks = new Set(interpreterLanguages.map(spokenLanguage));
  return a.some((l) => speaks.has(spokenLanguage(l))) && b.some((l) => speaks.has(spokenLanguage(l)));
}
