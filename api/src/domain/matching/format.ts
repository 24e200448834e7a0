import { z } from "zod";
import { DismissReasonSchema, FairSetupSchema, MatchRecommendationSchema } from "@ketnoi/contracts";
import { MatchParticipantSchema } from "./participant";

/** The matching file format (docs/matching-format.md): what `npm run -s match` reads and writes. */

const id = z.string().min(1).max(200);

const MatchFairSchema = FairSetupSchema.pick({ timeZone: true, days: true, dailyHours: true }).extend({
  breaks: FairSetupSchema.shape.breaks.default([]),
  slotMinutes: FairSetupSchema.shape.slotMinutes.default(30),
  countryPriorities: FairSetupSchema.shape.countryPriorities.default({}),
});

const ViewerContextSchema = z.strictObject({
  dismissals: z.array(z.strictObject({ participantId: id, kind: z.string().max(200), reason: DismissReasonSchema })).default([]),
  signals: z
    .array(z.strictObject({ participantId: id, signal: z.enum(["bookmark", "view", "request"]), direction: z.enum(["outbound", "inbound"]) }))
    .default([]),
  promoted: z.array(id).default([]),
  blocked: z.array(id).default([]),
});

export const MatchInputSchema = z
  .strictObject({
    version: z.literal(1),
    fair: MatchFairSchema,
    interpreters: z.array(z.strictObject({ languages: z.array(z.string().min(2).max(12)).min(2) })).default([]),
    participants: z.array(MatchParticipantSchema).max(20_000),
    /** Per viewer id: what that viewer dismissed, signalled, and what the organiser promoted or blocked for it. */
    context: z.record(id, ViewerContextSchema).default({}),
    /** Per participant id: meeting requests received and slots still free. */
    load: z.record(id, z.strictObject({ requestsReceived: z.number().int().min(0), freeSlots: z.number().int().min(0) })).default({}),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.participants.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: "custom", path: ["participants", i, "id"], message: `duplicate id ${p.id}` });
      seen.add(p.id);
    });
  });

export const MatchOutputSchema = z.strictObject({
  version: z.literal(1),
  k: z.number().int().positive(),
  locale: z.string(),
  recommendations: z.record(
    id,
    /** Each with its reasons rendered in the output's locale. */
    z.array(MatchRecommendationSchema.extend({ text: z.array(z.string()) })),
  ),
});
export type MatchOutput = z.infer<typeof MatchOutputSchema>;
