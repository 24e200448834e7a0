import { Schema } from "mongoose";

/** One change an organiser made (which endpoint, on what, when, answered how): the fair's audit trail. */
export const auditEntrySchema = new Schema(
  {
    actorUserId: { type: Schema.Types.ObjectId, required: true },
    actorEmail: { type: String, required: true },
    /** The operation, e.g. "POST /scheduler/plans/:id/publish". */
    action: { type: String, required: true },
    /** The path parameters (ids) it acted on. */
    target: { type: Schema.Types.Mixed, default: {} },
    /** The names of the fields it sent (not their values: they may hold personal data). */
    fields: { type: [String], default: [] },
    status: { type: Number, required: true },
    requestId: String,
  },
  { collection: "audit_log", strict: "throw", versionKey: false, minimize: false, timestamps: { createdAt: true, updatedAt: false } },
);
auditEntrySchema.index({ createdAt: -1 });
