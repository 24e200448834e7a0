import { Schema } from "mongoose";
import { bumpsRevisionOnWrite } from "../revisions";

/**
 * A company registered for a fair session. The _id "<sessionId>:<companyId>" makes it unique, and the
 * seat "<sessionId>#<n>" (n from 1 to the capacity, unique) is what enforces the capacity: on FerretDB
 * a conditional counter update is not atomic under concurrency (measured: 3 of 5 simultaneous
 * decrements of a counter at 2 went through), a unique index is.
 */
export const sessionRegistrationSchema = new Schema(
  {
    _id: { type: String, required: true },
    sessionId: { type: Schema.Types.ObjectId, required: true },
    companyId: { type: Schema.Types.ObjectId, required: true },
    seat: { type: String, required: true, unique: true },
  },
  { collection: "session_registrations", strict: "throw", versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
bumpsRevisionOnWrite(sessionRegistrationSchema, "programme");
