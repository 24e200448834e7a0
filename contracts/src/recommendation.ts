import { z } from "zod";
import { DismissReasonSchema, MatchRecommendationSchema } from "./matchReasons";
import { DAY_PARTS, MEETING_MODE_PREFERENCES } from "./meeting";

/** A proposed partner as the viewer sees it: the matcher's proposal, the partner's card basics, the reasons as text in the viewer's language. */
export const RecommendationViewSchema = MatchRecommendationSchema.extend({
  company: z.object({
    id: z.string(),
    name: z.string(),
    country: z.string(),
    kind: z.enum(["domestic", "foreign"]),
    participation: z.enum(["onsite", "remote"]),
  }),
  text: z.array(z.string()),
  bookmarked: z.boolean(),
});
export type RecommendationView = z.infer<typeof RecommendationViewSchema>;

export const RecommendationsQuerySchema = z.strictObject({ k: z.coerce.number().int().min(1).max(50).default(10) });
export const DismissBodySchema = z.strictObject({ kind: z.string().min(1).max(200), reason: DismissReasonSchema });
export const AcceptProposalBodySchema = z.strictObject({
  message: z.string().trim().max(1000).default(""),
  mode: z.enum(MEETING_MODE_PREFERENCES).default("either"),
  dayPart: z.enum(DAY_PARTS).default("any"),
});
export const PairDecisionBodySchema = z.strictObject({ decision: z.enum(["promote", "block"]) });
