import { Schema } from "mongoose";

/**
 * What users and organisers tell the matcher, one document per pair and kind, keyed so a repeat
 * replaces rather than adds: "d:<viewer>:<other>" a dismissal, "b:..." a bookmark, "v:..." a profile
 * view, "o:<a>:<b>" (ids sorted) an organiser's promote or block of a pair.
 */
export const matchFeedbackSchema = new Schema(
  {
    _id: { type: String, required: true },
    fairId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ["dismissal", "bookmark", "view", "promote", "block"], required: true },
    companyId: { type: Schema.Types.ObjectId, required: true },
    otherId: { type: Schema.Types.ObjectId, required: true },
    proposalKind: String,
    reason: String,
    by: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: "match_feedback", strict: "throw", versionKey: false, timestamps: true },
);
matchFeedbackSchema.index({ fairId: 1 });
