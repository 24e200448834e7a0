/**
 * The matching engine of one fair: pure, in memory, updated one profile at a time.
 *
 *   new MatchingEngine(options: EngineOptions)      // { fair: FairSetup (or its hours), interpreters? }
 *   upsertParticipant(profile: MatchParticipant): void   // a CompanyProfile plus `id`
 *   remove(id: string): boolean
 *   recommend(viewerId: string, k: number, context?: RecommendContext): Recommendation[]   // best first
 *
 * Every pair's structural score (pairScore.ts) is symmetric and depends only on the two profiles and
 * the fair, so upserting a profile re-scores only that participant's pairs, found through inverted
 * indexes by taxonomy code; the result equals a full rebuild. What changes per request (dismissals,
 * signals, promoted and blocked pairs, demand and free slots) is passed to `recommend`, never stored.
 * The spreading shares (spreading.ts) take six passes over all pairs, rerun by the first `recommend`
 * after a change (tens of milliseconds at 1,300 participants). A change of the fair's set-up (days,
 * hours, priorities, interpreters) needs a new engine.
 */
import { spokenLanguage, TAXONOMY, type FairSetup, type MatchRecommendation, type TaxonomyTerm } from "@ketnoi/contracts";
import { meetingWindows, type FairHours } from "./availability";
import { codeCredit, type CodeCredit } from "./codeCredit";
import type { RecommendContext } from "./context";
import { explainPair, scorePair, type PairMatch, type PairScoring } from "./pairScore";
import { spreadShares } from "./spreading";
import { toFeatures, type FairFacts, type Features, type MatchParticipant } from "./participant";
import { maxLift, personalise, priorityFactor, type Personal, type RankingState } from "./personalise";
import { band, shownScore, tieBreak } from "./order";
import { reasonsFor } from "./reasons";
import { CandidateIndex } from "./candidateIndex";

export interface EngineOptions {
  fair: FairHours & Partial<Pick<FairSetup, "slotMinutes" | "countryPriorities">>;
  /** The fair's interpreters: any who speaks a language of each side bridges a pair. */
  interpreters?: readonly { languages: readonly string[] }[];
  taxonomy?: readonly TaxonomyTerm[];
  /** Push oversubscribed parties down so proposals spread over parties with free time (default true). */
  spreadProposals?: boolean;
}

/** A proposed partner (MatchRecommendationSchema in @ketnoi/contracts); reasons render with renderMatchReason. */
export type Recommendation = MatchRecommendation;

export class MatchingEngine {
  private readonly scoring: PairScoring;
  private readonly credit: CodeCredit;
  private readonly features = new Map<string, Features>();
  private readonly links = new Map<string, Map<string, PairMatch>>();
  private readonly index: CandidateIndex;
  private readonly ranking: RankingState;
  private readonly fair: FairFacts;
  /** Spreading shares; dropped whenever a profile changes, recomputed on the next recommend. */
  private shares: Map<string, number> | undefined;
  private readonly maxLift: number;
  private readonly spreadShares: () => Map<string, number>;

  constructor(options: EngineOptions) {
    this.credit = codeCredit(options.taxonomy ?? TAXONOMY.terms);
    const windowsOf = meetingWindows(options.fair);
    this.fair = { days: options.fair.days.length, lastDay: new Date(`${[...options.fair.days].sort().at(-1)}T00:00:00Z`), windowsOf };
    this.index = new CandidateIndex(this.credit);
    this.scoring = {
      credit: this.credit,
      interpreters: (options.interpreters ?? []).map((i) => i.languages.map(spokenLanguage)),
      fairDays: options.fair.days.length,
    };
    const slotMinutes = options.fair.slotMinutes ?? 30;
    const defaultSlots = (f: Features) => Math.floor((f.hoursPerDay * options.fair.days.length * 60) / slotMinutes);
    const spreading = options.spreadProposals ?? true;
    const priorities = options.fair.countryPriorities ?? {};
    this.maxLift = maxLift(Math.max(0, ...Object.values(priorities)));
    this.spreadShares = () =>
      spreadShares(
        this.links,
        (id) => defaultSlots(this.features.get(id)!),
        (id) => priorityFactor(priorities[this.features.get(id)!.country] ?? 1),
      );
    this.ranking = {
      features: (id) => this.features.get(id),
      pair: (a, b) => this.links.get(a)?.get(b),
      share: (id) => (spreading ? ((this.shares ??= this.spreadShares()).get(id) ?? 1) : 1),
      lineage: (code) => this.credit.lineage(code),
      defaultSlots,
      countryPriority: (country) => priorities[country] ?? 1,
    };
  }

  /** Adds or replaces a participant and re-scores its pairs (and only those). */
  upsertParticipant(profile: MatchParticipant): void {
    this.remove(profile.id);
    const f = toFeatures(profile, this.fair);
    const mine = new Map<string, PairMatch>();
    this.features.set(f.id, f);
    this.links.set(f.id, mine);
    for (const otherId of this.index.candidates(f)) {
      const other = this.features.get(otherId)!;
      const pair = scorePair(f, other, this.scoring);
      if (!pair) continue;
      mine.set(otherId, pair);
      this.links.get(otherId)!.set(f.id, pair);
    }
    this.index.add(f);
    this.shares = undefined;
  }

  /** Removes a participant and its pairs; false when it was not there. */
  remove(id: string): boolean {
    const f = this.features.get(id);
    if (!f) return false;
    for (const otherId of this.links.get(id)!.keys()) this.links.get(otherId)!.delete(id);
    this.index.remove(f);
    this.features.delete(id);
    this.links.delete(id);
    this.shares = undefined;
    return true;
  }

  /** The viewer's top k partners, best first; empty for an unknown viewer. */
  recommend(viewerId: string, k: number, context: RecommendContext = {}): Recommendation[] {
    const viewer = this.features.get(viewerId);
    if (!viewer || k <= 0) return [];
    const factorFor = personalise(viewer, context, this.ranking);
    const mine = this.links.get(viewerId)!;
    const refused = new Set([...(context.blocked ?? []), ...(context.dismissals ?? []).map((d) => d.participantId)]);
    const promoted = new Set((context.promoted ?? []).filter((id) => id !== viewerId && !refused.has(id) && this.features.has(id)));
    const top = new TopK(k, viewerId);
    // The organiser's pairs come first even without a structural link; a block or dismissal still wins.
    for (const id of promoted) {
      const pair = mine.get(id);
      const personal = pair ? factorFor(this.features.get(id)!, pair) : { factor: 1, interestShown: false, priorityCountry: false };
      if (personal) top.offer({ id, raw: (pair?.base ?? 0) * personal.factor, promoted: true, pair, personal });
    }
    for (const [id, pair] of mine) {
      if (promoted.has(id) || !top.admits(pair.base * this.maxLift)) continue;
      const personal = factorFor(this.features.get(id)!, pair);
      if (personal) top.offer({ id, raw: pair.base * personal.factor, promoted: false, pair, personal });
    }
    return top.sorted().map((s) => ({
      id: s.id,
      score: shownScore(s.raw),
      kind: s.pair?.topic.kind ?? "organiser",
      promoted: s.promoted,
      mode: viewer.remote || this.features.get(s.id)!.remote ? "online" : "onsite",
      reasons: reasonsFor(viewerId, s.pair, s.pair ? explainPair(viewer, this.features.get(s.id)!, this.scoring) : [], {
        promoted: s.promoted,
        interestShown: s.personal.interestShown,
        ...(s.personal.priorityCountry ? { priorityCountry: this.features.get(s.id)!.country } : {}),
      }),
    }));
  }
}

interface Candidate {
  id: string;
  raw: number;
  promoted: boolean;
  pair: PairMatch | undefined;
  personal: Personal;
}

/** The k best candidates seen so far (promoted first, then by raw score, then tieBreak), without sorting them all. */
class TopK {
  private readonly items: Candidate[] = [];
  constructor(
    private readonly k: number,
    private readonly viewerId: string,
  ) {}

  private before(x: Candidate, y: Candidate): boolean {
    if (x.promoted !== y.promoted) return x.promoted;
    if (band(x.raw) !== band(y.raw)) return x.raw > y.raw;
    return (x.pair?.tie ?? tieBreak(this.viewerId, x.id)) < (y.pair?.tie ?? tieBreak(this.viewerId, y.id));
  }

  /** Whether a non-promoted candidate scoring at most `bound` could still enter. */
  admits(bound: number): boolean {
    const last = this.items[this.k - 1];
    // Compared by band: within the last one's band a lower tie hash can still win.
    return !last || (!last.promoted && band(bound) >= band(last.raw));
  }

  offer(c: Candidate): void {
    const items = this.items;
    if (items.length === this.k && !this.before(c, items[items.length - 1]!)) return;
    let i = items.length === this.k ? items.length - 1 : items.length;
    while (i > 0 && this.before(c, items[i - 1]!)) {
      items[i] = items[i - 1]!;
      i--;
    }
    items[i] = c;
  }

  sorted(): Candidate[] {
    return this.items;
  }
}
