import { Schema, type InferSchemaType } from "mongoose";

/** A chat line in a company's virtual booth. Staff and organisers may delete any; authors their own. */
export const boothChatMessageSchema = new Schema(
  {
    companyId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    text: { type: String, required: true },
  },
  { collection: "boothChatMessages", strict: "throw", versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
boothChatMessageSchema.index({ companyId: 1, _id: -1 });
export type BoothChatMessageDoc = InferSchemaType<typeof boothChatMessageSchema>;

/**
 * A visitor waiting to talk to a booth's staff. `_id` is "<companyId>:<userId>": one place per
 * visitor per booth, even when two requests race (FerretDB has no atomic conditional updates).
 */
export const boothQueueEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    companyId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    askedAt: { type: Date, required: true },
    admittedAt: Date,
    admittedBy: Schema.Types.ObjectId,
  },
  { collection: "boothQueue", strict: "throw", versionKey: false },
);
boothQueueEntrySchema.index({ companyId: 1, askedAt: 1 });

/** Marks an admission exactly once: `_id` is "<entryId>@<askedAt ms>" (two staff admitting at once cannot both take the same visitor). */
export const boothAdmissionSchema = new Schema(
  { _id: { type: String, required: true }, by: Schema.Types.ObjectId, at: Date },
  { collection: "boothAdmissions", strict: "throw", versionKey: false },
);
