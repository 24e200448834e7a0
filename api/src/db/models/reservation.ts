import { Schema } from "mongoose";

/**
 * Something only one meeting may hold, by a composed `_id`: a company's time, in five-minute blocks
 * ("p:<company>:<block start>", one per block of the meeting: across events with other slot lengths),
 * a table ("t:<fair>:<start>:<n>"), an online room ("r:<fair>:<start>:<n>"), an interpreter
 * ("i:<interpreter>:<start>"), a pair's one live meeting ("pair:<fair>:<a>:<b>"). The unique `_id`
 * makes exactly one of any number of simultaneous claims win, across api processes. Times are the
 * slot's UTC start (a slot's identity), so a change of the fair's breaks does not move what is held.
 */
export const reservationSchema = new Schema(
  {
    _id: { type: String, required: true },
    meetingId: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: "reservations", strict: "throw", versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
reservationSchema.index({ meetingId: 1 });
