import { Schema } from "mongoose";

/**
 * A firm taking part in one event. The firm (profile, members, certifications, needs) exists once
 * across events; what belongs to one event hangs off this: whether the firm is approved for it, and
 * whether it meets onsite or remotely there. The _id "<fairId>:<companyId>" makes one per firm and
 * event (a unique _id holds on FerretDB as on MongoDB; no compound unique index is needed).
 */
export const participationSchema = new Schema(
  {
    _id: { type: String, required: true },
    fairId: { type: Schema.Types.ObjectId, required: true },
    companyId: { type: Schema.Types.ObjectId, required: true },
    /** Events that require it wait for an organiser's approval; the others approve on registration. */
    status: { type: String, required: true, enum: ["pending", "approved"] },
    participation: { type: String, required: true, enum: ["onsite", "remote"] },
  },
  { collection: "participations", strict: "throw", versionKey: false, timestamps: true },
);
participationSchema.index({ fairId: 1 });
participationSchema.index({ companyId: 1 });
