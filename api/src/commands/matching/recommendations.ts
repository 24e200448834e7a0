import { companyName, renderMatchReason, type Locale, type RecommendationView } from "@ketnoi/contracts";
import { AppError, notFound, validationFailed } from "../../errors";
import type { Repositories } from "../../repositories";
import type { UserRecord } from "../../repositories/userRepository";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { MatchingService } from "../../services/matching";
import type { Recommendation } from "../../domain/matching";
import { maySeeCard } from "../../policies/companyVisibility";
import { actingFirm, eventFor, firmInEvent } from "../events/eventInContext";

export interface MatchingContext {
  repos: Repositories;
  matching: MatchingService;
  now: () => Date;
}

/**
 * Another company of the caller's event the caller may deal with: approved there, and one whose card
 * the caller may see (an unlisted firm answers as one that does not exist, so ids cannot be probed for it).
 */
async function partnerOf(ctx: MatchingContext, user: UserRecord, own: CompanyRecord, otherId: string) {
  const stored = await ctx.repos.companies.findById(otherId);
  const other = stored && (await firmInEvent(ctx, own.fairId, stored));
  if (!other || other.status === "pending" || other.id === own.id) throw notFound();
  if (!(await maySeeCard(ctx.repos, user, other))) throw notFound();
  return other;
}

/** Proposals in one event with the partner's card basics and the reasons as text in the reader's language. */
export function presentRecommendations(
  ctx: MatchingContext,
  fairId: string,
  viewerId: string,
  recs: Recommendation[],
  locale: Locale,
): RecommendationView[] {
  const matcher = ctx.matching.forEvent(fairId);
  const bookmarked = matcher.bookmarksOf(viewerId);
  return recs.flatMap((r) => {
    const card = matcher.card(r.id);
    if (!card) return [];
    const company = { id: card.id, name: companyName(card, locale), country: card.country, kind: card.kind, participation: card.participation };
    return [{ ...r, company, text: r.reasons.map((reason) => renderMatchReason(reason, locale)), bookmarked: bookmarked.has(r.id) }];
  });
}

/** How many more proposals are ranked than asked for, so leaving out unlisted firms still fills the list. */
const UNLISTED_MARGIN = 20;

/**
 * My company's proposed partners (read from the engine alone: no database read on this hot path).
 * A firm that does not consent to being shown (unlisted) is proposed to nobody; organisers still see
 * it in a firm's list (GET /matching/companies/:companyId). With them, the ranking they come from: the
 * engine keeps it, the same object, until anything a ranking rests on changes (the partners' cards
 * and the firm's bookmarks among them), so the proposals as shown are the same while it is.
 */
export async function myRecommendations(ctx: MatchingContext, user: UserRecord, event: string | undefined, k: number, locale: Locale) {
  if (!user.companyId) throw new AppError("forbidden");
  const companyId = user.companyId;
  const fairId = ctx.matching.eventOf(companyId, event) ?? (await actingFirm(ctx, user, event)).fair.id;
  const matcher = ctx.matching.forEvent(fairId);
  const ranked = await matcher.recommend(companyId, k + UNLISTED_MARGIN);
  // A firm the event's matcher does not know: refused if it is not registered there (a firm waiting
  // for approval gets an empty list).
  if (!matcher.card(companyId)) await actingFirm(ctx, user, event);
  const shown = () => ranked.filter((r) => matcher.card(r.id)?.listed).slice(0, k);
  return { ranking: ranked, views: () => presentRecommendations(ctx, fairId, companyId, shown(), locale) };
}

/** Dismisses a proposal with a reason: never shown again, and proposals of its kind rank lower for my company. */
export async function dismissProposal(
  ctx: MatchingContext,
  user: UserRecord,
  event: string | undefined,
  otherId: string,
  proposalKind: string,
  reason: string,
) {
  const { own } = await actingFirm(ctx, user, event);
  await partnerOf(ctx, user, own, otherId);
  await ctx.repos.matchFeedback.put({ fairId: own.fairId, kind: "dismissal", companyId: own.id, otherId, proposalKind, reason, by: user.id });
  ctx.matching.feedbackChanged();
}

export async function setBookmark(ctx: MatchingContext, user: UserRecord, event: string | undefined, otherId: string, on: boolean) {
  const { own } = await actingFirm(ctx, user, event);
  await partnerOf(ctx, user, own, otherId);
  if (on) await ctx.repos.matchFeedback.put({ fairId: own.fairId, kind: "bookmark", companyId: own.id, otherId, by: user.id });
  else await ctx.repos.matchFeedback.remove("bookmark", own.id, otherId);
  ctx.matching.feedbackChanged();
}

/** A signed-in firm opened another's profile: a weak signal of interest for both rankings. */
export async function recordProfileView(ctx: MatchingContext, user: UserRecord | undefined, viewed: CompanyRecord) {
  if (!user?.companyId || user.companyId === viewed.id || viewed.status === "pending") return;
  const stored = await ctx.repos.companies.findById(user.companyId);
  const own = stored && (await firmInEvent(ctx, viewed.fairId, stored));
  if (!own) return;
  await ctx.repos.matchFeedback.put({ fairId: own.fairId, kind: "view", companyId: own.id, otherId: viewed.id, by: user.id });
  ctx.matching.feedbackChanged();
}

/** The organiser promotes (shown first to both) or blocks (never proposed) a pair, or clears the decision. */
export async function decidePair(ctx: MatchingContext, user: UserRecord, a: string, b: string, decision: "promote" | "block" | null) {
  if (a === b) throw validationFailed({ b: "sameCompany" });
  const [ca, stored] = await Promise.all([ctx.repos.companies.findById(a), ctx.repos.companies.findById(b)]);
  const cb = ca && stored && (await firmInEvent(ctx, ca.fairId, stored));
  if (!ca || !cb) throw notFound();
  if (decision) await ctx.repos.matchFeedback.put({ fairId: ca.fairId, kind: decision, companyId: a, otherId: b, by: user.id });
  else if (!(await ctx.repos.matchFeedback.remove("promote", a, b))) throw notFound();
  ctx.matching.feedbackChanged();
}

/** A company's proposed partners as the matcher ranks them for it, unlisted firms included (the organisers' view). */
export async function companyRecommendations(
  ctx: MatchingContext,
  user: UserRecord,
  event: string | undefined,
  companyId: string,
  k: number,
  locale: Locale,
) {
  const fair = await eventFor(ctx, user, event);
  const stored = await ctx.repos.companies.findById(companyId);
  if (!stored || !(await firmInEvent(ctx, fair.id, stored))) throw notFound();
  return presentRecommendations(ctx, fair.id, companyId, await ctx.matching.forEvent(fair.id).recommend(companyId, k), locale);
}

/** Every company's top proposals across the event (the organisers' overview), optionally of one kind of firm. */
export async function matchingOverview(ctx: MatchingContext, user: UserRecord, event: string | undefined, k: number, kind?: "domestic" | "foreign") {
  const fair = await eventFor(ctx, user, event);
  return ctx.matching.forEvent(fair.id).recommendAll(k, kind);
}
