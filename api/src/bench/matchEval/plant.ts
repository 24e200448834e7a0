import { TAXONOMY, type Locale } from "@ketnoi/contracts";
import type { Random } from "../../domain/random";
import type { MatchParticipant } from "../../domain/matching/participant";
import { foreignBase, OFFER_FAMILIES, pickOrigin, type Origin } from "./foreign";
import { textAbout } from "./texts";

/**
 * Planted complementary pairs, in clusters of five by five that all fit each other:
 * - vendor clusters: five vendors offering two technologies that no other vendor sells together,
 *   five firms needing exactly those two (first priority);
 * - buyer clusters: five buyers with one mandatory requirement (two processes, a material, a
 *   certification no other firm holds, a minimum capacity), five firms meeting all of it.
 * Near misses sit beside them: vendors offering one of the two (one with text that claims the
 * other), firms with the right processes whose certificate has expired or whose capacity is short.
 */

export interface Writers {
  /** The language a participant writes its free text in. */
  of(id: string): Locale;
  /** Chooses (and remembers) the language of a new foreign party. */
  foreign(origin: Origin, id: string): Locale;
}

const TECHNOLOGIES = TAXONOMY.terms.filter((t) => t.kind === "technology");
const PROCESSES = TAXONOMY.terms.filter((t) => t.kind === "process").map((t) => t.code);
const MATERIALS = TAXONOMY.terms.filter((t) => t.kind === "material").map((t) => t.code);
const SECTORS = TAXONOMY.terms.filter((t) => t.kind === "sector").map((t) => t.code);
/** Certifications the demo generator never gives, so only planted suppliers hold them. */
export const RARE_CERTIFICATIONS = ["cert.as9100", "cert.jis", "cert.ks", "cert.ce"];
export const CLUSTER = 5;

const pairKey = (a: string, b: string) => [a, b].sort().join("|");
const pairsOf = (codes: readonly string[]) => codes.flatMap((a, i) => codes.slice(i + 1).map((b) => pairKey(a, b)));

/**
 * Pairs of technologies no firm needs together and no vendor family sells together, among
 * technologies outside any hierarchy (a firm needing presses is served by a servo-press vendor too,
 * which would make unlabelled matches).
 */
export function freeTechnologyPairs(domestic: readonly MatchParticipant[]): [string, string][] {
  const used = new Set([
    ...domestic.flatMap((f) => pairsOf([...new Set(f.needs.filter((n) => n.kind !== "buyer").flatMap((n) => n.codes))])),
    ...OFFER_FAMILIES.flatMap((f) => pairsOf(f.codes)),
  ]);
  const out: [string, string][] = [];
  const flat = TECHNOLOGIES.filter((t) => !t.parent && !TECHNOLOGIES.some((c) => c.parent === t.code)).map((t) => t.code);
  for (const a of flat) for (const b of flat) if (a < b && !used.has(pairKey(a, b))) out.push([a, b]);
  return out;
}

const withEnglish = (languages: readonly string[]) => (languages.includes("en") ? [...languages] : [...languages, "en"]);

export function vendorCluster(
  random: Random,
  [x, y]: [string, string],
  firms: MatchParticipant[],
  nextId: () => string,
  writers: Writers,
): MatchParticipant[] {
  for (const firm of firms) {
    const write = writers.of(firm.id);
    firm.needs = [
      { kind: "technology", codes: [x], priority: 1, text: textAbout("need", x, write) },
      { kind: "technology", codes: [y], priority: 1, text: textAbout("need", y, write) },
      ...firm.needs.filter((n) => n.kind === "buyer"),
    ];
    firm.languages = withEnglish(firm.languages);
  }
  return Array.from({ length: CLUSTER }, () => {
    const origin = pickOrigin(random);
    const base = foreignBase(random, nextId(), origin);
    const write = writers.foreign(origin, base.id);
    return {
      ...base,
      languages: withEnglish(base.languages),
      sectors: [firms[0]!.sectors[0]!],
      offers: [x, y].map((code) => ({ code, text: textAbout("offer", code, write) })),
      requirements: [],
    };
  });
}

/** Two vendors that look close: one sells x (and says in its text it sells y too), one sells y but shares no language and meets online from Europe. */
export function nearMissVendors([x, y]: [string, string], vendors: MatchParticipant[], writers: Writers): void {
  const [claims, foreign] = vendors;
  if (claims) {
    const write = writers.of(claims.id);
    claims.offers = [{ code: x, text: { [write]: `${textAbout("offer", x, write)[write]} ${textAbout("offer", y, write)[write]}` } }];
  }
  if (foreign) {
    foreign.offers = [{ code: y, text: textAbout("offer", y, writers.of(foreign.id)) }];
    Object.assign(foreign, {
      country: "DE",
      timeZone: "Europe/Berlin",
      participation: "remote" as const,
      languages: ["de"],
      booth: { highlights: [], staffLanguages: [] },
    });
  }
}

export interface Sourcing {
  certification: string;
  processes: [string, string];
  material: string;
  minMonthlyCapacity: number;
  sector: string;
}

/** A sourcing profile no other cluster shares. */
export function sourcingFor(random: Random, cluster: number, taken: Set<string>): Sourcing {
  const certification = RARE_CERTIFICATIONS[cluster % RARE_CERTIFICATIONS.length]!;
  for (;;) {
    const [p1, p2] = random.sample(PROCESSES, 2) as [string, string];
    const key = `${certification}|${pairKey(p1, p2)}`;
    if (taken.has(key)) continue;
    taken.add(key);
    return {
      certification,
      processes: [p1, p2],
      material: random.pick(MATERIALS),
      minMonthlyCapacity: random.pick([20_000, 50_000]),
      sector: random.pick(SECTORS),
    };
  }
}

function supply(firm: MatchParticipant, s: Sourcing, opts: { capacity: number; validUntil: Date; processes?: readonly string[] }) {
  const codes = opts.processes ?? s.processes;
  firm.processes = [
    ...firm.processes.filter((p) => !codes.includes(p.code)),
    ...codes.map((code) => ({ code, materials: [s.material], monthlyCapacity: opts.capacity })),
  ];
  firm.certifications = [...firm.certifications.filter((c) => c.code !== s.certification), { code: s.certification, validUntil: opts.validUntil }];
  firm.languages = withEnglish(firm.languages);
}

export function buyerCluster(
  random: Random,
  s: Sourcing,
  suppliers: MatchParticipant[],
  fairEnd: Date,
  nextId: () => string,
  writers: Writers,
): MatchParticipant[] {
  const inAYear = new Date(fairEnd.getTime() + 365 * 86_400_000);
  for (const firm of suppliers) {
    supply(firm, s, { capacity: s.minMonthlyCapacity * random.pick([2, 5]), validUntil: inAYear });
    firm.needs = [...firm.needs, { kind: "buyer", codes: [s.sector], priority: 1, text: textAbout("buyers", s.sector, writers.of(firm.id)) }];
  }
  return Array.from({ length: CLUSTER }, () => {
    const origin = pickOrigin(random);
    const base = foreignBase(random, nextId(), origin);
    const requirement = {
      processes: s.processes,
      materials: [s.material],
      certifications: [s.certification],
      minMonthlyCapacity: s.minMonthlyCapacity,
      mandatory: true,
    };
    return {
      ...base,
      languages: withEnglish(base.languages),
      sectors: [s.sector],
      offers: [],
      requirements: [{ ...requirement, text: textAbout("requirement", s.processes[0], writers.foreign(origin, base.id)) }],
    };
  });
}

/** Firms that almost supply the cluster: the certificate expired before the fair, the capacity is half the minimum, or only one of the two processes. */
export function nearMissSuppliers(s: Sourcing, firms: MatchParticipant[], fairEnd: Date): void {
  const inAYear = new Date(fairEnd.getTime() + 365 * 86_400_000);
  const [expired, short, partial] = firms;
  if (expired) supply(expired, s, { capacity: s.minMonthlyCapacity * 2, validUntil: new Date(fairEnd.getTime() - 30 * 86_400_000) });
  if (short) supply(short, s, { capacity: Math.floor(s.minMonthlyCapacity / 2), validUntil: inAYear });
  if (partial) supply(partial, s, { capacity: s.minMonthlyCapacity * 2, validUntil: inAYear, processes: [s.processes[0]] });
}
