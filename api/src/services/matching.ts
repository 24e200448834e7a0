import {
  MatchingEngine,
  type MatchParticipant,
  type Dismissal,
  type InterestSignal,
  type PartyLoad,
  type RecommendContext,
} from "../domain/matching";
import type { Repositories } from "../repositories";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { FairRecord } from "../repositories/fairRepository";
import type { MatchFeedbackRecord } from "../repositories/matchFeedbackRepository";
import type { ParticipationRecord } from "../repositories/participationRepository";
import { asInEvent } from "../domain/events/firmInEvent";
import { availableSlots, fairSlots, type Slot } from "../domain/fairSlots";
import type { DismissReason } from "@ketnoi/contracts";

/** How long the demand figures (requests received, free slots) are reused: they move slowly, and reading every meeting per request would not. */
const LOAD_TTL_MS = 30_000;
/**
 * How often another process's changes are looked for (the fair's set-up, the revision counters).
 * Changes made in this process apply at once; others' within this time.
 */
const CHECK_EVERY_MS = 5_000;

/** What a proposal shows of the partner, kept with the engine so a ranking reads no company from the database. */
export interface PartnerCard {
  id: string;
  /** Both names: the proposal shows the one for its reader (companyName). */
  legalName: string;
  englishName?: string;
  country: string;
  kind: "domestic" | "foreign";
  participation: "onsite" | "remote";
  /** Whether the firm shows in the directory (its owner consents to profile sharing). */
  listed: boolean;
}

interface FeedbackIndex {
  dismissals: Map<string, Dismissal[]>;
  signals: Map<string, InterestSignal[]>;
  promoted: Map<string, string[]>;
  blocked: Map<string, string[]>;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);

function indexFeedback(rows: MatchFeedbackRecord[]): FeedbackIndex {
  const index: FeedbackIndex = { dismissals: new Map(), signals: new Map(), promoted: new Map(), blocked: new Map() };
  for (const f of [...rows].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())) {
    if (f.kind === "dismissal")
      push(index.dismissals, f.companyId, { participantId: f.otherId, kind: f.proposalKind ?? "", reason: (f.reason ?? "other") as DismissReason });
    else if (f.kind === "bookmark" || f.kind === "view") {
      push(index.signals, f.companyId, { participantId: f.otherId, signal: f.kind, direction: "outbound" });
      push(index.signals, f.otherId, { participantId: f.companyId, signal: f.kind, direction: "inbound" });
    } else {
      const list = f.kind === "promote" ? index.promoted : index.blocked;
      push(list, f.companyId, f.otherId);
      push(list, f.otherId, f.companyId);
    }
  }
  return index;
}

/** A stored company as the matcher reads it (the booth's optional lists made explicit). */
function toParticipant(c: CompanyRecord): MatchParticipant {
  const { booth, ...rest } = c;
  return {
    ...rest,
    ...(booth
      ? {
          booth: {
            ...(booth.headline ? { headline: booth.headline } : {}),
            highlights: booth.highlights ?? [],
            staffLanguages: booth.staffLanguages ?? [],
          },
        }
      : {}),
  };
}

/** What the engine is built from: when any of it changes, a new engine is built. */
const fairSignature = (fair: FairRecord, interpreters: { languages: string[] }[]) =>
  JSON.stringify([fair.id, fair.days, fair.dailyHours, fair.breaks, fair.slotMinutes, fair.countryPriorities, interpreters.map((i) => i.languages)]);

/**
 * The matcher of one event in this api process: one engine, kept in step with the database one
 * changed profile at a time (other processes' changes are found by the "companies" revision and each
 * company's updatedAt and registration), with the users' and organisers' feedback and the event's
 * demand passed to every ranking. Its participants are the firms registered for the event, each as
 * it takes part there (onsite at the fair, remote in an online week).
 */
function createEventMatcher(repos: Repositories, now: () => Date, fairId: string, seen: Sightings) {
  let engine: MatchingEngine | undefined;
  let signature = "";
  /** Each participant's profile version and registration: a change of either re-scores it. */
  const versions = new Map<string, string>();
  /** Each participant as it takes part here (for a profile changed in this process). */
  const registrations = new Map<string, ParticipationRecord>();
  let companiesRevision = -1;
  let feedbackRevision = -1;
  /** Feedback written here since the process started: a sync that began before the latest may have read without it. */
  let feedbackWrites = 0;
  let feedback: FeedbackIndex = indexFeedback([]);
  let load: { at: number; byCompany: Map<string, PartyLoad>; requests: FeedbackIndex["signals"] } | undefined;
  let syncing: Promise<void> | null = null;

  /** Slots each company can meet in at all (a remote one only inside its working day), before any meeting. */
  const openSlots = new Map<string, number>();
  const cards = new Map<string, PartnerCard>();
  /** Each firm's ranking as last computed, forgotten at any change to what rankings rest on (firms, feedback, load). */
  const rankings = new Map<string, ReturnType<MatchingEngine["recommend"]>>();
  let checkedAt = -Infinity;
  let slots: readonly Slot[] = [];
  const eligible = (c: CompanyRecord) => c.fairId === fairId && c.status !== "pending";
  const versionOf = (c: CompanyRecord) => `${(c as { updatedAt?: Date }).updatedAt?.getTime() ?? 0}:${c.status}:${c.participation}`;
  const upsert = (c: CompanyRecord) => {
    rankings.clear();
    versions.set(c.id, versionOf(c));
    openSlots.set(
      c.id,
      availableSlots(slots, { participation: c.participation, timeZone: c.timeZone, busy: [], blocked: c.blockedSlots ?? [] }).filter(
        (s) => s.available,
      ).length,
    );
    cards.set(c.id, {
      id: c.id,
      legalName: c.legalName,
      ...(c.englishName ? { englishName: c.englishName } : {}),
      country: c.country,
      kind: c.kind,
      participation: c.participation,
      listed: c.listed,
    });
    engine!.upsertParticipant(toParticipant(c));
  };

  /** The event's participants as they take part in it (one scan of each collection). */
  async function participants() {
    const [companies, registered] = await Promise.all([repos.companies.listAll(), repos.participations.listForFair(fairId)]);
    seen.companies(companies);
    const byId = new Map(companies.map((c) => [c.id, c]));
    registrations.clear();
    for (const r of registered) registrations.set(r.companyId, r);
    const inEvent = registered.flatMap((r) => (byId.has(r.companyId) ? [asInEvent(byId.get(r.companyId)!, r)] : []));
    // A firm whose own event this is but that has no registration (none before registrations existed).
    const unregistered = companies.filter((c) => c.fairId === fairId && !registrations.has(c.id));
    return [...inEvent, ...unregistered].filter(eligible);
  }

  async function syncCompanies(revision: number) {
    const all = await participants();
    const seen = new Set<string>();
    for (const c of all) {
      seen.add(c.id);
      if (versions.get(c.id) !== versionOf(c)) upsert(c);
    }
    for (const id of [...versions.keys()]) {
      if (seen.has(id)) continue;
      versions.delete(id);
      openSlots.delete(id);
      cards.delete(id);
      engine!.remove(id);
      rankings.clear();
    }
    companiesRevision = revision;
  }

  async function sync() {
    const writesSeen = feedbackWrites;
    const force = companiesRevision < 0 || feedbackRevision < 0;
    if (!force && performance.now() - checkedAt < CHECK_EVERY_MS && load && now().getTime() - load.at <= LOAD_TTL_MS) return;
    checkedAt = performance.now();
    const fair = await repos.fairs.findById(fairId);
    if (!fair) return;
    seen.fair(fair);
    const interpreters = await repos.interpreters.listForFair(fair.id);
    const sig = fairSignature(fair, interpreters);
    if (sig !== signature) {
      engine = new MatchingEngine({ fair, interpreters });
      rankings.clear();
      signature = sig;
      slots = fairSlots(fair);
      versions.clear();
      openSlots.clear();
      cards.clear();
      companiesRevision = -1;
      load = undefined;
    }
    const [companies, matching] = await Promise.all([repos.revisions.get("companies"), repos.revisions.get("matching")]);
    if (companies !== companiesRevision) await syncCompanies(companies);
    if (matching !== feedbackRevision) {
      feedback = indexFeedback(await repos.matchFeedback.listForFair(fair.id));
      rankings.clear();
      // Feedback written here while this read ran may be missing from it: the next ranking reads again.
      feedbackRevision = writesSeen === feedbackWrites ? matching : -1;
    }
    if (!load || now().getTime() - load.at > LOAD_TTL_MS) {
      const byCompany = new Map<string, PartyLoad>();
      const requests: FeedbackIndex["signals"] = new Map();
      const entry = (id: string) =>
        byCompany.get(id) ?? byCompany.set(id, { requestsReceived: 0, freeSlots: openSlots.get(id) ?? slots.length }).get(id)!;
      for (const m of await repos.meetings.listForFair(fair.id)) {
        if (m.status === "requested" || m.status === "countered") entry(m.recipientId).requestsReceived++;
        if (m.status === "booked") for (const id of [m.requesterId, m.recipientId]) entry(id).freeSlots = Math.max(0, entry(id).freeSlots - 1);
        push(requests, m.requesterId, { participantId: m.recipientId, signal: "request", direction: "outbound" });
        push(requests, m.recipientId, { participantId: m.requesterId, signal: "request", direction: "inbound" });
      }
      load = { at: now().getTime(), byCompany, requests };
      rankings.clear();
    }
  }
  /** One sync at a time; callers arriving meanwhile share it. */
  const syncOnce = () => (syncing ??= sync().finally(() => (syncing = null)));
  /**
   * Before a ranking: the first one, and any after a change made here, wait for the sync; otherwise
   * the ranking is served from what is in memory and the look for others' changes runs behind it.
   */
  const ensure = async () => {
    // A sync already running when feedback was written here may end without it (a bookmark just
    // set, shown as not set): wait for syncs until one has seen it (a few at most).
    for (let tries = 0; tries < 3 && (!engine || companiesRevision < 0 || feedbackRevision < 0); tries++) await syncOnce();
    if (engine && companiesRevision >= 0 && feedbackRevision >= 0) void syncOnce().catch(() => undefined); // a database hiccup shows on the next forced sync
  };

  const contextFor = (companyId: string): RecommendContext => ({
    dismissals: feedback.dismissals.get(companyId) ?? [],
    signals: [...(feedback.signals.get(companyId) ?? []), ...(load?.requests.get(companyId) ?? [])],
    promoted: feedback.promoted.get(companyId) ?? [],
    blocked: feedback.blocked.get(companyId) ?? [],
    ...(load ? { load: load.byCompany } : {}),
  });

  return {
    /** A company's top k partners in this event, best first. */
    async recommend(companyId: string, k: number) {
      await ensure();
      // A company this engine does not know yet (approved a moment ago, here or in another process)
      // would get an empty list until the next look for changes: look now, after any running one.
      if (engine && !cards.has(companyId)) {
        await syncing?.catch(() => undefined);
        checkedAt = -Infinity;
        await syncOnce();
      }
      if (!engine) return [];
      const key = `${companyId}:${k}`;
      let ranked = rankings.get(key);
      if (!ranked) rankings.set(key, (ranked = engine.recommend(companyId, k, contextFor(companyId))));
      return ranked;
    },
    /** After this process changed a company's profile: re-score its pairs now (and only those). */
    companyChanged(stored: CompanyRecord) {
      if (!engine) return;
      const registration = registrations.get(stored.id);
      const company = registration ? asInEvent(stored, registration) : stored;
      if (eligible(company)) upsert(company);
      else if (engine.remove(company.id)) {
        rankings.clear();
        versions.delete(company.id);
        cards.delete(company.id);
      }
    },
    /** The partner's card as the engine knows it. */
    card: (id: string) => cards.get(id),
    /** The companies this one bookmarked. */
    bookmarksOf: (companyId: string) =>
      new Set(
        (feedback.signals.get(companyId) ?? []).filter((s) => s.signal === "bookmark" && s.direction === "outbound").map((s) => s.participantId),
      ),
    /** After feedback written here: read it again before the next ranking. */
    feedbackChanged() {
      feedbackWrites++;
      feedbackRevision = -1;
      rankings.clear();
    },
    /** Every eligible company's top k, for the organiser's overview and the scheduler's proposals. */
    async recommendAll(k: number, kind?: "domestic" | "foreign") {
      await ensure();
      const out: { companyId: string; recommendations: ReturnType<MatchingEngine["recommend"]> }[] = [];
      if (!engine) return out;
      for (const c of await participants()) {
        if (kind && c.kind !== kind) continue;
        out.push({ companyId: c.id, recommendations: engine.recommend(c.id, k, contextFor(c.id)) });
      }
      return out;
    },
  };
}
type EventMatcher = ReturnType<typeof createEventMatcher>;

/** What the matchers saw as they read: each firm's own event and each event's slug. */
interface Sightings {
  companies(all: CompanyRecord[]): void;
  fair(fair: FairRecord): void;
}

/**
 * The matchers of the events this process was asked about, one per event (built on first use). A
 * profile changed here is re-scored in each; feedback written here is read again by each.
 */
export function createMatchingService(repos: Repositories, now: () => Date) {
  const matchers = new Map<string, EventMatcher>();
  const homes = new Map<string, string>();
  const slugs = new Map<string, string>();
  const seen: Sightings = {
    companies: (all) => {
      for (const c of all) homes.set(c.id, c.fairId);
    },
    fair: (fair) => slugs.set(fair.slug, fair.id),
  };
  const forEvent = (fairId: string) => matchers.get(fairId) ?? matchers.set(fairId, createEventMatcher(repos, now, fairId, seen)).get(fairId)!;
  return {
    forEvent,
    /**
     * The event a firm's ranking is for, from what the matchers read last (the slug's event, or the
     * firm's own): no database read on the hot path. Undefined when not seen yet: the caller reads it.
     */
    eventOf: (companyId: string, slug: string | undefined) => (slug ? slugs.get(slug) : homes.get(companyId)),
    companyChanged(company: CompanyRecord) {
      for (const m of matchers.values()) m.companyChanged(company);
    },
    feedbackChanged() {
      for (const m of matchers.values()) m.feedbackChanged();
    },
  };
}
export type MatchingService = ReturnType<typeof createMatchingService>;
