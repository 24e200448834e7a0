import { Schema, type InferSchemaType } from "mongoose";

/**
 * A firm's lead: a visitor whose badge its staff scanned at the booth. One per (firm, visitor): the
 * unique index makes a second scan, from any device, update the same lead. A visitor who withdraws
 * leaves a tombstone (`withdrawnAt`, everything the firm wrote and the scan itself erased), so a scan
 * queued on a device before the withdrawal cannot bring the lead back when it syncs; a scan made
 * after it is a new consent and revives the lead.
 */
export const leadSchema = new Schema(
  {
    /** The firm that keeps the lead. */
    companyId: { type: Schema.Types.ObjectId, required: true },
    visitorId: { type: Schema.Types.ObjectId, required: true },
    /** The badge code scanned (the visitor's): edits queued offline name their lead by it. */
    badge: String,
    /** The firm's staff member who scanned last. */
    scannedBy: Schema.Types.ObjectId,
    /** When it was scanned last, by the scanning device's clock. */
    scannedAt: Date,
    note: String,
    rating: Number,
    tags: { type: [String], default: undefined },
    withdrawnAt: Date,
    /** By the api's clock (not Mongoose's timestamps): the scan rules compare withdrawals with scan times. */
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: "leads", strict: "throw", versionKey: false },
);
leadSchema.index({ companyId: 1, visitorId: 1 }, { unique: true });
leadSchema.index({ visitorId: 1 });
export type LeadDoc = InferSchemaType<typeof leadSchema>;
