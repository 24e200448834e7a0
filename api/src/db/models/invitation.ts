import { Schema } from "mongoose";

/**
 * An invitation link: organisers invite a firm (the Department recommends it), a firm's owner invites
 * colleagues. Keyed by the token's SHA-256; single use (deleted when accepted); expires.
 */
export const invitationSchema = new Schema(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true, lowercase: true },
    role: { type: String, required: true, enum: ["domestic", "vendor"] },
    companyId: { type: Schema.Types.ObjectId, required: true },
    companyRole: { type: String, required: true, enum: ["owner", "member"] },
    invitedBy: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: "invitations", strict: "throw", versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
