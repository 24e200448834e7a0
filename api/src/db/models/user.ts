import { Schema, type InferSchemaType } from "mongoose";
import { LOCALES, USER_ROLES } from "@ketnoi/contracts";

export const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true, enum: USER_ROLES },
    companyId: { type: Schema.Types.ObjectId },
    /** The company's owner invites colleagues; members keep the profile. */
    companyRole: { type: String, enum: ["owner", "member"] },
    locale: { type: String, enum: LOCALES, default: "vi" },
    timeZone: { type: String, default: "Asia/Ho_Chi_Minh" },
    emailVerifiedAt: Date,
    consents: [{ _id: false, purpose: String, grantedAt: Date }],
    /** The current run of password checks (login_failures "<user>:<run>:<n>"); a new run starts afresh. */
    loginRun: { type: Number, default: 0 },
    /** An organiser's events (fair ids); absent = every event and the programme (no default, so it stays absent). */
    eventScopes: { type: [Schema.Types.ObjectId], default: undefined },
  },
  { collection: "users", strict: "throw", timestamps: true },
);
export type UserDoc = InferSchemaType<typeof userSchema>;
