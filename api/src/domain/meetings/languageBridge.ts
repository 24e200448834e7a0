/**
 * Whether two sides can talk on their own, and if not, which two languages an interpreter must
 * bridge: each side's first (preferred) language.
 */
export function languageBridge(a: string[], b: string[]): [string, string] | null {
  if (a.some((l) => b.includes(l))) return null;
  const first = (langs: string[]) => langs[0] ?? "vi";
  return [first(a), first(b)];
}

/** An interpreter can serve a pair when it speaks one language of each side. */
export function interpreterBridges(interpreterLanguages: string[], a: string[], b: string[]): boolean {
  return interpreterLanguages.some((l) => a.includes(l)) && interpreterLanguages.some((l) => b.includes(l));
}
