import { Schema, type InferSchemaType } from "mongoose";

export const ONE_TIME_TOKEN_PURPOSES = ["password_reset", "email_verification"] as const;

/** Password-reset and email-verification links: stored hashed, single use, short-lived. */
export const oneTimeTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    purpose: { type: String, required: true, enum: ONE_TIME_TOKEN_PURPOSES },
    userId: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: "one_time_tokens", strict: "throw", timestamps: { createdAt: true, updatedAt: false } },
);
export type OneTimeTokenDoc = InferSchemaType<typeof oneTimeTokenSchema>;
