import { Schema, type InferSchemaType } from "mongoose";

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored (as the _id, the
 * one field FerretDB looks up without scanning), so a database leak yields no usable session. Logout
 * deletes the record (revocation is immediate). No TTL index on FerretDB: expired records are
 * refused on read and removed by a periodic job.
 */
export const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    csrfToken: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: "sessions", strict: "throw", timestamps: { createdAt: true, updatedAt: false } },
);
export type SessionDoc = InferSchemaType<typeof sessionSchema>;
