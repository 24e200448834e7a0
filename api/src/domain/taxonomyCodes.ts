import type { CompanyProfileUpdate, TaxonomyKind, TaxonomyTerm } from "@ketnoi/contracts";

/**
 * Checks that every code in a profile refers to a taxonomy term of the right kind. Returns the
 * offending field paths with a message key; empty when all is well. Pure: the caller supplies terms.
 */
export function findBadTaxonomyCodes(update: CompanyProfileUpdate, terms: TaxonomyTerm[]): Record<string, string> {
  const kindOf = new Map(terms.map((t) => [t.code, t.kind]));
  const bad: Record<string, string> = {};
  const check = (path: string, code: string, kinds: TaxonomyKind[]) => {
    const kind = kindOf.get(code);
    if (!kind) bad[path] = "unknownCode";
    else if (!kinds.includes(kind)) bad[path] = "wrongCodeKind";
  };
  for (const [i, c] of (update.sectors ?? []).entries()) check(`sectors.${i}`, c, ["sector"]);
  for (const [i, p] of (update.processes ?? []).entries()) {
    check(`processes.${i}.code`, p.code, ["process"]);
    for (const [j, m] of p.materials.entries()) check(`processes.${i}.materials.${j}`, m, ["material"]);
  }
  for (const [i, c] of (update.certifications ?? []).entries()) check(`certifications.${i}.code`, c.code, ["certification"]);
  for (const [i, o] of (update.offers ?? []).entries()) check(`offers.${i}.code`, o.code, ["technology", "process"]);
  for (const [i, n] of (update.needs ?? []).entries()) {
    for (const [j, c] of n.codes.entries()) check(`needs.${i}.codes.${j}`, c, n.kind === "buyer" ? ["sector", "process"] : ["technology", "process"]);
  }
  for (const [i, r] of (update.requirements ?? []).entries()) {
    for (const [j, c] of r.processes.entries()) check(`requirements.${i}.processes.${j}`, c, ["process"]);
    for (const [j, c] of r.materials.entries()) check(`requirements.${i}.materials.${j}`, c, ["material"]);
    for (const [j, c] of r.certifications.entries()) check(`requirements.${i}.certifications.${j}`, c, ["certification"]);
  }
  return bad;
}

/** A code and every code below it in the hierarchy ("proc.cnc" -> "proc.cnc", "proc.cnc.milling5", ...). */
export function withDescendants(code: string, terms: TaxonomyTerm[]): string[] {
  const children = new Map<string, string[]>();
  for (const t of terms) if (t.parent) children.set(t.parent, [...(children.get(t.parent) ?? []), t.code]);
  const out: string[] = [];
  const walk = (c: string) => {
    out.push(c);
    (children.get(c) ?? []).forEach(walk);
  };
  walk(code);
  return out;
}
