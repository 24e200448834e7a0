import { Schema } from "mongoose";

/** A user's secret calendar-feed URL: `_id` is the SHA-256 of the token, which is shown once. */
export const calendarFeedSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: "calendar_feeds", strict: "throw", versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
calendarFeedSchema.index({ userId: 1 });
