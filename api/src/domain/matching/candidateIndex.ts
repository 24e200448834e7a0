import type { CodeCredit } from "./codeCredit";
import type { Features } from "./participant";

type Field = "offers" | "needs" | "processes" | "materials" | "requiredProcesses" | "requiredMaterials" | "sectors";

/** The codes a participant is found by, per field. */
function keys(f: Features): Record<Field, readonly string[]> {
  const materialOnly = f.requirements.filter((r) => !r.processes.length);
  return {
    offers: f.offers,
    needs: f.needs.flatMap((n) => n.codes),
    processes: f.processes.map((p) => p.code),
    materials: f.processes.flatMap((p) => p.materials),
    requiredProcesses: f.requirements.flatMap((r) => r.processes),
    requiredMaterials: materialOnly.flatMap((r) => r.materials),
    sectors: f.sectors,
  };
}

/** Which of my fields can link to which of theirs (through related codes, except sectors: exact). */
const LINKS: [mine: Field, theirs: Field][] = [
  ["needs", "offers"],
  ["offers", "needs"],
  ["requiredProcesses", "processes"],
  ["processes", "requiredProcesses"],
  ["requiredMaterials", "materials"],
  ["materials", "requiredMaterials"],
];

/**
 * Inverted indexes from taxonomy codes to participants, one set per kind (domestic, foreign), so a
 * new or changed profile is scored only against parties it can match: any pair with a non-zero
 * score shares a related code in one of the linked fields, or a sector.
 */
export class CandidateIndex {
  private readonly byKind = new Map<Features["kind"], Map<Field, Map<string, Set<string>>>>();

  constructor(private readonly credit: CodeCredit) {}

  add(f: Features): void {
    this.each(f, (set) => set.add(f.id));
  }

  remove(f: Features): void {
    this.each(f, (set) => set.delete(f.id));
  }

  /** Ids of the other kind that may score against f. */
  candidates(f: Features): Set<string> {
    const theirs = this.byKind.get(f.kind === "domestic" ? "foreign" : "domestic");
    const out = new Set<string>();
    if (!theirs) return out;
    const mine = keys(f);
    const collect = (field: Field, code: string) => {
      for (const id of theirs.get(field)?.get(code) ?? []) out.add(id);
    };
    for (const [from, to] of LINKS) for (const code of new Set(mine[from])) for (const related of this.credit.related(code)) collect(to, related);
    for (const sector of mine.sectors) collect("sectors", sector);
    return out;
  }

  private each(f: Features, visit: (set: Set<string>) => void) {
    let fields = this.byKind.get(f.kind);
    if (!fields) this.byKind.set(f.kind, (fields = new Map()));
    for (const [field, codes] of Object.entries(keys(f)) as [Field, readonly string[]][]) {
      let byCode = fields.get(field);
      if (!byCode) fields.set(field, (byCode = new Map()));
      for (const code of codes) {
        let set = byCode.get(code);
        if (!set) byCode.set(code, (set = new Set()));
        visit(set);
      }
    }
  }
}
