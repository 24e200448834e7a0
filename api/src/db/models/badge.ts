import { Schema, type InferSchemaType } from "mongoose";

/**
 * A participant's badge code: what the badge's QR code holds (`<origin>/badge/<code>`). Random, so
 * the printed code says nothing about the person; it is resolved to the person only by the server,
 * for those allowed to (a booth scanning a visitor, an organiser). One per user.
 */
export const badgeSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, unique: true },
  },
  { collection: "badges", strict: "throw", versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
export type BadgeDoc = InferSchemaType<typeof badgeSchema>;
