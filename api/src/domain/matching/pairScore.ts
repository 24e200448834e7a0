import { hoursIn, intersect } from "./availability";
import type { CodeCredit } from "./codeCredit";
import type { Features } from "./participant";
import { tieBreak } from "./order";

/**
 * The structural score of a pair, symmetric and independent of who looks at it: what one side's
 * needs or requirements find in the other's offers or capabilities, a shared sector, whether they
 * can talk (common language or an interpreter) and, when someone is remote, whether their working
 * days meet the fair's hours. Free text is never read.
 */

/** Facts behind a pair, best first; sides are participant ids (reasons turn them into you/they). */
export type Evidence =
  | { code: "offerMeetsNeed"; needer: string; need: string; offer: string }
  | { code: "capabilityMeetsRequirement"; requirer: string; required: string; held: string }
  | { code: "certificationHeld"; requirer: string; certification: string }
  | { code: "capacityMeets"; requirer: string; capacity: number; minimum: number }
  | { code: "sharedSector"; sector: string };

export type LanguageBridge = { kind: "common"; language: string } | { kind: "interpreter"; languages: [string, string] } | { kind: "none" };

export interface PairMatch {
  /** Structural relevance times the language and working-hours factors, in (0, 1]. */
  base: number;
  /** What the proposal is about (shared objects: one per link and code). */
  topic: Topic;
  /** Hours a day both can meet online when either is remote; null when both are onsite. */
  onlineHours: number | null;
  bridge: LanguageBridge;
  /** tieBreak of the pair, kept since rankings compare it often. */
  tie: number;
}

export interface Topic {
  link: "offer" | "supply" | "sector";
  code: string;
  /** "offer:<offered code>", "supply:<required process>" or "sector:<code>". */
  kind: string;
}
const TOPICS = { offer: new Map<string, Topic>(), supply: new Map<string, Topic>(), sector: new Map<string, Topic>() };
function topicOf(link: Topic["link"], code: string): Topic {
  let topic = TOPICS[link].get(code);
  if (!topic) TOPICS[link].set(code, (topic = { link, code, kind: `${link}:${code}` }));
  return topic;
}

export interface PairScoring {
  credit: CodeCredit;
  /** Language sets (base subtags) of the fair's interpreters. */
  interpreters: readonly (readonly string[])[];
  fairDays: number;
}

/** Tunable weights (docs/matching-format.md states them in words). */
const WEIGHTS = {
  /** Relevance of a pair linked only by a shared sector. */
  sectorOnly: 0.15,
  /** A linked pair that also shares a sector keeps all of its relevance; one that does not, 95% (a tie-breaker: vendors sell across sectors). */
  sectorShare: 0.05,
  language: { common: 1, interpreter: 0.9, none: 0.6 },
  /** Non-mandatory requirement: factor per missing certification, and for capacity below or unknown. */
  missingCertification: 0.6,
  capacityBelow: 0.5,
  capacityUnknown: 0.8,
  /** A supplier that has not said it looks for buyers of this kind. */
  notSeekingBuyers: 0.85,
} as const;

const hoursFactor = (h: number | null) => (h === null ? 1 : Math.min(1, 0.4 + 0.2 * h));

interface Link {
  value: number;
  topic?: Topic;
  /** Filled only when explaining: most pairs are scored, few are shown. */
  evidence: readonly Evidence[];
}
const NONE: readonly Evidence[] = [];
const NO_LINK: Link = { value: 0, evidence: NONE };

/**
 * The needer's technology and transfer needs against the offerer's offers: the most pressing need
 * met counts half, the share of all needs met 30%, the share of the offers wanted 20% (a vendor of
 * presses and robots fits a firm wanting both better than one wanting presses only).
 */
function needsMet(needer: Features, offerer: Features, credit: CodeCredit, explain: boolean): Link {
  if (!needer.needs.length || !offerer.offers.length) return NO_LINK;
  let top = 0;
  let needsCovered = 0;
  let needsTotal = 0;
  let bestNeed = "";
  let bestOffer = "";
  for (const need of needer.needs) {
    let c = 0;
    for (const code of need.codes)
      for (const offer of offerer.offers) {
        const x = credit.credit(code, offer);
        if (x > c) c = x;
        if (need.weight * x > top) {
          top = need.weight * x;
          bestNeed = code;
          bestOffer = offer;
        }
      }
    needsTotal += need.weight;
    needsCovered += need.weight * c;
  }
  if (top <= 0) return NO_LINK;
  let offersWanted = 0;
  for (const offer of offerer.offers) {
    let wanted = 0;
    for (const need of needer.needs) for (const code of need.codes) wanted = Math.max(wanted, credit.credit(code, offer) * need.weight);
    offersWanted += wanted / offerer.offers.length;
  }
  return {
    value: 0.5 * top + (0.3 * needsCovered) / needsTotal + 0.2 * offersWanted,
    topic: topicOf("offer", bestOffer),
    evidence: explain ? [{ code: "offerMeetsNeed", needer: needer.id, need: bestNeed, offer: bestOffer }] : NONE,
  };
}

type Requirement = Features["requirements"][number];

/** How well a supplier meets one requirement, or null when it cannot or a mandatory condition fails. */
function requirementMet(r: Requirement, buyer: Features, supplier: Features, credit: CodeCredit, explain: boolean): Link | null {
  // Each required process by its best held process; materials and capacity judged on the processes that matched.
  let coverage = 0;
  let pick: { required: string; held: string; credit: number } | undefined;
  let capacity: number | undefined = Infinity;
  const matched: Features["processes"][number][] = [];
  for (const required of r.processes) {
    let best = 0;
    let most: number | undefined;
    for (const p of supplier.processes) {
      const x = credit.credit(required, p.code);
      if (x <= 0) continue;
      matched.push(p);
      best = Math.max(best, x);
      if (!pick || x > pick.credit) pick = { required, held: p.code, credit: x };
      if (p.capacity !== undefined) most = Math.max(most ?? 0, p.capacity);
    }
    coverage += best / r.processes.length;
    if (best > 0) capacity = capacity === undefined || most === undefined ? undefined : Math.min(capacity, most);
  }
  const pool = r.processes.length ? matched : supplier.processes;
  const materials = pool.flatMap((p) => p.materials);
  const materialFit = r.materials.length
    ? r.materials.reduce((sum, m) => sum + Math.max(0, ...materials.map((h) => credit.credit(m, h))), 0) / r.materials.length
    : 1;
  if (!r.processes.length) {
    // A requirement naming only materials: any process working them.
    coverage = materialFit > 0 ? 1 : 0;
    const known = pool.map((p) => p.capacity).filter((c) => c !== undefined);
    capacity = known.length ? Math.max(...known) : undefined;
  }
  if (coverage <= 0) return null;
  const missing = r.certifications.filter((c) => !supplier.certifications.has(c));
  const min = r.minMonthlyCapacity;
  const short = min !== undefined && capacity !== undefined && capacity < min;
  if (r.mandatory && (missing.length > 0 || short)) return null;
  const capacityFactor = min === undefined ? 1 : capacity === undefined ? WEIGHTS.capacityUnknown : short ? WEIGHTS.capacityBelow : 1;
  return {
    value: coverage * (0.6 + 0.4 * materialFit) * WEIGHTS.missingCertification ** missing.length * capacityFactor,
    topic: topicOf("supply", pick?.required ?? r.materials[0]!),
    evidence: explain
      ? [
          ...(pick ? [{ code: "capabilityMeetsRequirement" as const, requirer: buyer.id, required: pick.required, held: pick.held }] : []),
          ...r.certifications
            .filter((c) => supplier.certifications.has(c))
            .map((certification) => ({ code: "certificationHeld" as const, requirer: buyer.id, certification })),
          ...(min !== undefined && capacity !== undefined && capacity >= min
            ? [{ code: "capacityMeets" as const, requirer: buyer.id, capacity, minimum: min }]
            : []),
        ]
      : NONE,
  };
}

/** The buyer's requirements against the supplier: the best requirement counts 70%, the mean over all of them 30%. */
function requirementsMet(buyer: Features, supplier: Features, credit: CodeCredit, explain: boolean): Link {
  const requirements = buyer.requirements;
  if (!requirements.length || !supplier.processes.length) return NO_LINK;
  const met = requirements.flatMap((r) => requirementMet(r, buyer, supplier, credit, explain) ?? []);
  if (!met.length) return NO_LINK;
  const best = met.reduce((x, y) => (y.value > x.value ? y : x));
  const mean = met.reduce((sum, l) => sum + l.value, 0) / requirements.length;
  const wanted = [...buyer.sectors, ...requirements.flatMap((r) => r.processes)];
  const seeking = supplier.buyerNeeds.some((want) => wanted.some((have) => credit.credit(want, have) > 0));
  return { ...best, value: (0.7 * best.value + 0.3 * mean) * (seeking ? 1 : WEIGHTS.notSeekingBuyers) };
}

const NO_BRIDGE: LanguageBridge = { kind: "none" };
const BRIDGES = new Map<string, LanguageBridge>();
const bridgeOf = (key: string, make: () => LanguageBridge) => {
  let bridge = BRIDGES.get(key);
  if (!bridge) BRIDGES.set(key, (bridge = make()));
  return bridge;
};

/** Common language first (Vietnamese, then English, then any), else an interpreter who bridges them. */
function languageBridge(a: Features, b: Features, interpreters: PairScoring["interpreters"]): LanguageBridge {
  let common: string | undefined;
  for (const l of a.languages) if (b.languages.includes(l) && (!common || l === "vi" || (l === "en" && common !== "vi"))) common = l;
  if (common) return bridgeOf(common, () => ({ kind: "common", language: common }));
  // The fair's interpreters work from Vietnamese: prefer it on the side that speaks it, and name it last.
  const pick = (languages: readonly string[], spoken: readonly string[]) =>
    languages.includes("vi") && spoken.includes("vi") ? "vi" : languages.find((l) => spoken.includes(l));
  for (const spoken of interpreters) {
    const x = pick(a.languages, spoken);
    const y = x && pick(b.languages, spoken);
    if (x && y) return bridgeOf(`${x}|${y}`, () => ({ kind: "interpreter", languages: x === "vi" ? [y, x] : [x, y] }));
  }
  return NO_BRIDGE;
}

/** The pair's match, or null when they should not be proposed to each other at all. */
export function scorePair(first: Features, second: Features, s: PairScoring): PairMatch | null {
  return score(first, second, s, false)?.pair ?? null;
}

/** The facts behind a pair's match, best first (empty when there is no match). */
export function explainPair(first: Features, second: Features, s: PairScoring): readonly Evidence[] {
  return score(first, second, s, true)?.evidence ?? NONE;
}

function score(first: Features, second: Features, s: PairScoring, explain: boolean): { pair: PairMatch; evidence: readonly Evidence[] } | null {
  if (first.kind === second.kind || first.id === second.id) return null;
  // Order the pair so the result never depends on which side asked first.
  const [a, b] = first.id < second.id ? [first, second] : [second, first];
  const onlineHours =
    !a.remote && !b.remote
      ? null
      : a.remote && b.remote
        ? hoursIn(intersect(a.windows, b.windows)) / Math.max(1, s.fairDays)
        : (a.remote ? a : b).hoursPerDay;
  if (onlineHours !== null && onlineHours <= 0) return null;

  const links = [
    needsMet(a, b, s.credit, explain),
    needsMet(b, a, s.credit, explain),
    requirementsMet(a, b, s.credit, explain),
    requirementsMet(b, a, s.credit, explain),
  ];
  let missed = 1;
  for (const l of links) missed *= 1 - l.value;
  const core = 1 - missed; // noisy-or: each link is a separate reason to meet
  let sector: string | undefined;
  for (const x of a.sectors) if (!sector && b.sectors.includes(x)) sector = x;
  // A buyer has said what it sources: a firm that cannot supply it (or fails a mandatory condition) is no proposal, sector or not.
  const sectorOnly = core === 0 && sector !== undefined && !a.requirements.length && !b.requirements.length;
  if (core === 0 && !sectorOnly) return null;
  const relevance = sectorOnly ? WEIGHTS.sectorOnly : core * (1 - WEIGHTS.sectorShare + (sector ? WEIGHTS.sectorShare : 0));

  const bridge = languageBridge(a, b, s.interpreters);
  links.sort((x, y) => y.value - x.value);
  const pair: PairMatch = {
    base: relevance * WEIGHTS.language[bridge.kind] * hoursFactor(onlineHours),
    topic: links[0]!.value > 0 ? links[0]!.topic! : topicOf("sector", sector!),
    onlineHours,
    bridge,
    tie: tieBreak(a.id, b.id),
  };
  if (!explain) return { pair, evidence: NONE };
  const evidence: Evidence[] = links.flatMap((l) => (l.value > 0 ? l.evidence : []));
  if (sector) evidence.push({ code: "sharedSector", sector });
  return { pair, evidence };
}
