import { Schema } from "mongoose";

/**
 * One change to a meeting, numbered: `_id` is "<meetingId>:<n>". The unique `_id` is the lock: of
 * two simultaneous changes to version n-1 only one can insert event n (FerretDB has no transactions
 * and its conditional updates are not atomic under concurrency). The event carries the change, so a
 * process that dies between the event and the meeting update is rolled forward on the next read.
 * Kept as the meeting's history.
 */
export const meetingEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    meetingId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true },
    actorUserId: Schema.Types.ObjectId,
    set: { type: Schema.Types.Mixed, default: {} },
    unset: { type: [String], default: [] },
  },
  { collection: "meeting_events", strict: "throw", versionKey: false, minimize: false, timestamps: { createdAt: true, updatedAt: false } },
);
meetingEventSchema.index({ meetingId: 1 });
