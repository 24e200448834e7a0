import { Schema, type InferSchemaType } from "mongoose";
import { LOCALES } from "@ketnoi/contracts";

export const USER_ROLES = ["organiser", "domestic", "vendor", "interpreter"] as const;

export const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true, enum: USER_ROLES },
    companyId: { type: Schema.Types.ObjectId },
    locale: { type: String, enum: LOCALES, default: "vi" },
    timeZone: { type: String, default: "Asia/Ho_Chi_Minh" },
    emailVerifiedAt: Date,
    consents: [{ _id: false, purpose: String, grantedAt: Date }],
  },
  { collection: "users", strict: "throw", timestamps: true },
);
export type UserDoc = InferSchemaType<typeof userSchema>;
