import { Schema, type InferSchemaType } from "mongoose";

/**
 * One join or leave in a meeting's video room, from a verified LiveKit webhook. `_id` is the
 * webhook's event id, so a redelivered webhook is recorded once.
 */
export const videoAttendanceSchema = new Schema(
  {
    _id: { type: String, required: true },
    meetingId: { type: Schema.Types.ObjectId, required: true },
    room: { type: String, required: true },
    userId: { type: String, required: true },
    access: { type: String, required: true },
    companyId: Schema.Types.ObjectId,
    kind: { type: String, enum: ["joined", "left"], required: true },
    at: { type: Date, required: true },
  },
  { collection: "videoAttendance", strict: "throw", versionKey: false },
);
videoAttendanceSchema.index({ meetingId: 1, at: 1 });
export type VideoAttendanceDoc = InferSchemaType<typeof videoAttendanceSchema>;
