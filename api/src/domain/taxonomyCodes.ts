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
  update.sectors?.forEach((c, i) => check(`sectors.${i}`, c, ["sector"]));
  update.processes?.forEach((p, i) => {
    check(`processes.${i}.code`, p.code, ["process"]);
    p.materials.forEach((m, j) => check(`processes.${i}.materials.${j}`, m, ["material"]));
  });
  update.certifications?.forEach((c, i) => check(`certifications.${i}.code`, c.code, ["certification"]));
  update.offers?.forEach((o, i) => check(`offers.${i}.code`, o.code, ["technology", "process"]));
  update.needs?.forEach((n, i) =>
    n.codes.forEach((c, j) => check(`needs.${i}.codes.${j}`, c, n.kind === "buyer" ? ["sector", "process"] : ["technology", "process"])),
  );
  update.requirements?.forEach((r, i) => {
    r.processes.forEach((c, j) => check(`requirements.${i}.processes.${j}`, c, ["process"]));
    r.materials.forEach((c, j) => check(`requirements.${i}.materials.${j}`, c, ["material"]));
    r.certifications.forEach((c, j) => check(`requirements.${i}.certifications.${j}`, c, ["certification"]));
  });
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
