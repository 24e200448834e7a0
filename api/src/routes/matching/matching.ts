import { z } from "zod";
import {
  AcceptProposalBodySchema,
  DismissBodySchema,
  MeetingViewSchema,
  ObjectIdSchema,
  PairDecisionBodySchema,
  RecommendationViewSchema,
  RecommendationsQuerySchema,
} from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import { preparedJsonOf } from "../../http/preparedJson";
import type { RateLimits } from "../../http/rateLimits";
import type { MeetingContext } from "../../commands/meetings/context";
import { requestMeeting } from "../../commands/meetings/requestMeeting";
import { presentMeetingDetails } from "../../presenters/meeting";
import {
  companyRecommendations,
  decidePair,
  dismissProposal,
  matchingOverview,
  myRecommendations,
  setBookmark,
  type MatchingContext,
} from "../../commands/matching/recommendations";
import { organiserScope } from "../organiserScope";

const id = ObjectIdSchema;
const partner = z.strictObject({ companyId: id });
const pair = z.strictObject({ a: id, b: id });
const noQuery = z.strictObject({});
const PARTIES = ["domestic", "vendor"] as const;
const tags = ["matching"];

/** Recommendations for firms (with reasons), their feedback, and the organiser's view and decisions. */
export function matchingEndpoints(ctx: MatchingContext, meetings: MeetingContext, limits: RateLimits) {
  const scope = organiserScope(meetings);
  // A firm's proposals, serialized once per ranking the engine keeps and per language.
  const recommendationAnswers = preparedJsonOf<object>();
  return [
    defineEndpoint({
      method: "get",
      path: "/recommendations",
      summary: "My company's proposed partners, ranked, each with a score in [0, 1] and 1-3 reasons in my language",
      tags,
      access: PARTIES,
      request: { query: RecommendationsQuerySchema },
      responses: { 200: { description: "Best first", schema: z.array(RecommendationViewSchema) } },
      handler: async ({ query, auth, locale, event }) => {
        const { ranking, views } = await myRecommendations(ctx, auth!.user, event, query.k, locale);
        return { json: recommendationAnswers(ranking, `${query.k}:${locale}`, views) };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/recommendations/:companyId/accept",
      summary: "Turn a proposal into a meeting request",
      tags,
      access: PARTIES,
      before: [limits.meetingRequests],
      request: { params: partner, query: noQuery, body: AcceptProposalBodySchema },
      responses: { 201: { description: "The meeting request", schema: MeetingViewSchema } },
      handler: async ({ params, body, auth, locale, event }) => {
        const requested = await requestMeeting(meetings, auth!.user, event, { with: params.companyId, ...body });
        return { status: 201, body: presentMeetingDetails(requested, { now: meetings.now(), locale }) };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/recommendations/:companyId/dismiss",
      summary: "Dismiss a proposal with a reason; similar proposals rank lower for my company from then on",
      tags,
      access: PARTIES,
      request: { params: partner, query: noQuery, body: DismissBodySchema },
      responses: { 204: { description: "Dismissed" } },
      handler: async ({ params, body, auth, event }) => {
        await dismissProposal(ctx, auth!.user, event, params.companyId, body.kind, body.reason);
        return {};
      },
    }),
    defineEndpoint({
      method: "put",
      path: "/recommendations/:companyId/bookmark",
      summary: "Bookmark a company (a signal of interest for both rankings)",
      tags,
      access: PARTIES,
      request: { params: partner, query: noQuery, body: z.strictObject({}) },
      responses: { 204: { description: "Bookmarked" } },
      handler: async ({ params, auth, event }) => {
        await setBookmark(ctx, auth!.user, event, params.companyId, true);
        return {};
      },
    }),
    defineEndpoint({
      method: "delete",
      path: "/recommendations/:companyId/bookmark",
      summary: "Remove a bookmark",
      tags,
      access: PARTIES,
      request: { params: partner, query: noQuery },
      responses: { 204: { description: "Removed" } },
      handler: async ({ params, auth, event }) => {
        await setBookmark(ctx, auth!.user, event, params.companyId, false);
        return {};
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/matching/companies/:companyId",
      summary: "A company's proposed partners as the matcher ranks them for it (organisers)",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { params: partner, query: RecommendationsQuerySchema },
      responses: { 200: { description: "Best first", schema: z.array(RecommendationViewSchema) } },
      handler: async ({ params, query, locale, auth, event }) => ({
        body: await companyRecommendations(ctx, auth!.user, event, params.companyId, query.k, locale),
      }),
    }),
    defineEndpoint({
      method: "get",
      path: "/matching/overview",
      summary: "The proposals across the fair: each company's top partners (organisers)",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: {
        query: z.strictObject({
          k: z.coerce.number().int().min(1).max(10).default(3),
          kind: z.enum(["domestic", "foreign"]).optional(),
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: {
          description: "A page of companies with their top proposals",
          schema: z.object({
            total: z.number().int(),
            items: z.array(
              z.object({
                companyId: z.string(),
                recommendations: z.array(z.object({ id: z.string(), score: z.number(), promoted: z.boolean(), kind: z.string() })),
              }),
            ),
          }),
        },
      },
      handler: async ({ query, auth, event }) => {
        const all = await matchingOverview(ctx, auth!.user, event, query.k, query.kind);
        const items = all.slice(query.offset, query.offset + query.limit).map((e) => ({
          companyId: e.companyId,
          recommendations: e.recommendations.map(({ id: rid, score, promoted, kind }) => ({ id: rid, score, promoted, kind })),
        }));
        return { body: { total: all.length, items } };
      },
    }),
    defineEndpoint({
      method: "put",
      path: "/matching/pairs/:a/:b",
      summary: "Promote a pair (proposed first to both) or block it (never proposed) (organisers)",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { params: pair, query: noQuery, body: PairDecisionBodySchema },
      responses: { 204: { description: "Decided" } },
      handler: async ({ params, body, auth }) => {
        await decidePair(ctx, auth!.user, params.a, params.b, body.decision);
        return {};
      },
    }),
    defineEndpoint({
      method: "delete",
      path: "/matching/pairs/:a/:b",
      summary: "Clear the organiser's decision on a pair",
      tags,
      access: ["organiser"],
      before: [scope.currentFair],
      request: { params: pair, query: noQuery },
      responses: { 204: { description: "Cleared" } },
      handler: async ({ params, auth }) => {
        await decidePair(ctx, auth!.user, params.a, params.b, null);
        return {};
      },
    }),
  ];
}
