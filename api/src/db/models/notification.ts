import { Schema, type InferSchemaType } from "mongoose";

/** An in-app notification for one user (meeting requested, booked, reminders...). */
export const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true },
    meetingId: Schema.Types.ObjectId,
    data: { type: Schema.Types.Mixed, default: {} },
    readAt: Date,
  },
  { collection: "notifications", strict: "throw", versionKey: false, minimize: false, timestamps: { createdAt: true, updatedAt: false } },
);
notificationSchema.index({ userId: 1, createdAt: -1 });
export type NotificationDoc = InferSchemaType<typeof notificationSchema>;
