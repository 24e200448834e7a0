import type { RecommendContext } from "./context";
import type { PairMatch } from "./pairScore";
import type { Features } from "./participant";
import { showsFirst, SPREAD } from "./spreading";

/**
 * The viewer's own factors on top of a pair's structural score: the organiser's country
 * priorities, interest signals, what the viewer dismissed, and how busy the candidate already is.
 * Each is a multiplier around 1; null means "do not propose".
 */

const PERSONAL = {
  bookmarked: 1.15,
  viewed: 1.05,
  /** The candidate bookmarked, viewed or requested the viewer: likely to accept. */
  interestShown: 1.25,
  /** Per bookmark or request of the same kind of proposal, up to three. */
  sameKindAsLiked: 0.1,
  /** Per dismissal "not relevant" of the same kind (or a broader or narrower code of it). */
  dismissedKind: 0.5,
  /** Per dismissal for language, on pairs without a common language. */
  dismissedLanguage: 0.6,
  /** Per dismissal for time zone, on online meetings with a party in that zone. */
  dismissedTimeZone: 0.5,
  floor: 0.1,
  /** How hard pending requests beyond free slots push down: (free slots / requests) ** this. */
  overbooked: 0.5,
} as const;

/** The square root keeps a programme priority of 1.2 a tie-breaker among similar matches, not an override. */
export const priorityFactor = (priority: number) => Math.sqrt(priority);

/** The most the viewer's factors can lift a pair, given the fair's highest country priority (lets ranking skip hopeless pairs). */
export const maxLift = (maxPriority: number) =>
  priorityFactor(Math.max(1, maxPriority)) * PERSONAL.bookmarked * PERSONAL.interestShown * (1 + 3 * PERSONAL.sameKindAsLiked);

export interface RankingState {
  features(id: string): Features | undefined;
  pair(a: string, b: string): PairMatch | undefined;
  /** The share of viewers the party is shown to first, in (0, 1] (see spreading.ts); 1 when spreading is off. */
  share(id: string): number;
  lineage(code: string): readonly string[];
  /** Meeting slots a party has when the caller gives no load for it. */
  defaultSlots(f: Features): number;
  countryPriority(country: string): number;
}

export interface Personal {
  factor: number;
  interestShown: boolean;
  priorityCountry: boolean;
}

export function personalise(viewer: Features, ctx: RecommendContext, state: RankingState): (other: Features, pair: PairMatch) => Personal | null {
  const excluded = new Set([...(ctx.blocked ?? []), ...(ctx.dismissals ?? []).map((d) => d.participantId)]);
  const outbound = new Map<string, Set<string>>();
  const inbound = new Set<string>();
  for (const s of ctx.signals ?? []) {
    if (s.direction === "inbound") inbound.add(s.participantId);
    else outbound.set(s.participantId, (outbound.get(s.participantId) ?? new Set()).add(s.signal));
  }
  // A meeting already requested is followed up elsewhere; proposing it again wastes a place.
  for (const [id, signals] of outbound) if (signals.has("request")) excluded.add(id);

  const likedKinds = new Map<string, number>();
  for (const [id, signals] of outbound) {
    const kind = (signals.has("bookmark") || signals.has("request")) && state.pair(viewer.id, id)?.topic.kind;
    if (kind) likedKinds.set(kind, (likedKinds.get(kind) ?? 0) + 1);
  }
  const dismissedKinds = (ctx.dismissals ?? [])
    .filter((d) => d.reason === "notRelevant")
    .map((d) => [d.kind.slice(0, d.kind.indexOf(":")), d.kind.slice(d.kind.indexOf(":") + 1)] as const);
  const languageDismissals = (ctx.dismissals ?? []).filter((d) => d.reason === "language").length;
  const dismissedZones = new Map<string, number>();
  for (const d of ctx.dismissals ?? []) {
    const zone = d.reason === "timeZone" && state.features(d.participantId)?.timeZone;
    if (zone) dismissedZones.set(zone, (dismissedZones.get(zone) ?? 0) + 1);
  }
  const related = (a: string, b: string) => state.lineage(a).includes(b) || state.lineage(b).includes(a);

  return (other, pair) => {
    if (excluded.has(other.id)) return null;
    const priority = state.countryPriority(other.country);
    if (priority <= 0) return null;
    let factor = priorityFactor(priority);

    const mine = outbound.get(other.id);
    if (mine?.has("bookmark")) factor *= PERSONAL.bookmarked;
    else if (mine?.has("view")) factor *= PERSONAL.viewed;
    const interestShown = inbound.has(other.id);
    if (interestShown) factor *= PERSONAL.interestShown;
    factor *= 1 + PERSONAL.sameKindAsLiked * Math.min(3, likedKinds.get(pair.topic.kind) ?? 0);

    let penalty = 1;
    for (const [link, code] of dismissedKinds) if (link === pair.topic.link && related(code, pair.topic.code)) penalty *= PERSONAL.dismissedKind;
    if (pair.bridge.kind !== "common") penalty *= PERSONAL.dismissedLanguage ** languageDismissals;
    if (pair.onlineHours !== null) penalty *= PERSONAL.dismissedTimeZone ** (dismissedZones.get(other.timeZone) ?? 0);
    factor *= Math.max(PERSONAL.floor, penalty);

    // Capacity: a party without free slots cannot be scheduled; one asked more often than it has slots
    // sinks as far as it is overbooked, and spreading keeps it off lists it could not serve.
    const load = ctx.load?.get(other.id);
    const free = load?.freeSlots ?? state.defaultSlots(other);
    if (free <= 0) return null;
    const requests = load?.requestsReceived ?? 0;
    if (requests > free) factor *= (free / requests) ** PERSONAL.overbooked;
    if (!showsFirst(pair, state.share(other.id))) factor *= SPREAD.held;
    return { factor, interestShown, priorityCountry: priority > 1 };
  };
}
