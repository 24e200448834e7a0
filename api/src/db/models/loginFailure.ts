import { Schema } from "mongoose";

/**
 * One password check of an account in its current run of failed sign-ins, by a numbered `_id`:
 * "<user>:<run>:<n>", n from 1 to the limit. A check claims its number before the password is
 * verified; the unique `_id` lets exactly one of any number of simultaneous attempts (in any api
 * process) take each number, so no more than the limit are ever checked (FerretDB's conditional
 * updates are not atomic under concurrency; unique indexes are). A run ends with a right password
 * or when the lock after the last number has run out (the user's `loginRun` moves on).
 */
export const loginFailureSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    run: { type: Number, required: true },
    n: { type: Number, required: true },
    /** When the check was claimed (the api's clock): the lock runs from the last number's. */
    at: { type: Date, required: true },
  },
  { collection: "login_failures", strict: "throw", versionKey: false },
);
loginFailureSchema.index({ userId: 1 });
