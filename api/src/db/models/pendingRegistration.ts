import { Schema } from "mongoose";

/**
 * A firm's registration waiting for its owner to confirm the address: nothing is created (no
 * account, no company, no claim on the firm's tax code) until the emailed link is opened, so
 * registering says nothing about whether an address or a firm already has an account here. Keyed by
 * the link token's SHA-256; single use (deleted when confirmed); expires after 48 hours.
 */
export const pendingRegistrationSchema = new Schema(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true, lowercase: true },
    passwordHash: { type: String, required: true },
    /** The validated registration, less its password (RegisterBody). */
    registration: { type: Schema.Types.Mixed, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: "pending_registrations", strict: "throw", versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
