import { Schema, type InferSchemaType } from "mongoose";
import {
  CANCEL_REASONS,
  DAY_PARTS,
  DECLINE_REASONS,
  MEETING_MODE_PREFERENCES,
  MEETING_MODES,
  MEETING_OUTCOMES,
  MEETING_SOURCES,
  MEETING_STATUSES,
} from "@ketnoi/contracts";

/**
 * A meeting between two companies. Every change goes through a numbered meeting event (see
 * meetingEvent.ts): `version` is the number of the last one applied. What a booked meeting holds
 * (the two parties' slot, a table or room, an interpreter) is claimed as reservations, listed in
 * `reservationKeys`.
 */
export const meetingSchema = new Schema(
  {
    fairId: { type: Schema.Types.ObjectId, required: true },
    requesterId: { type: Schema.Types.ObjectId, required: true },
    recipientId: { type: Schema.Types.ObjectId, required: true },
    /** Both company ids, for "my meetings" (a multikey index on MongoDB). */
    parties: { type: [Schema.Types.ObjectId], required: true },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    source: { type: String, enum: MEETING_SOURCES, required: true },
    message: { type: String, default: "" },
    preferredMode: { type: String, enum: MEETING_MODE_PREFERENCES, required: true },
    dayPart: { type: String, enum: DAY_PARTS, default: "any" },
    status: { type: String, enum: MEETING_STATUSES, required: true },
    proposal: { _id: false, type: { start: Date, end: Date, by: Schema.Types.ObjectId } },
    expiresAt: Date,
    startsAt: Date,
    endsAt: Date,
    mode: { type: String, enum: MEETING_MODES },
    table: Number,
    /** Which of the fair's numbered online rooms of its slot it holds (the capacity the organisers set). */
    roomNumber: Number,
    /** The video room's (unguessable) name. */
    onlineRoom: String,
    interpreterId: Schema.Types.ObjectId,
    languages: { type: [String], default: undefined },
    reservationKeys: { type: [String], default: [] },
    version: { type: Number, required: true },
    /** The calendar SEQUENCE: bumped whenever what a calendar shows changes. */
    sequence: { type: Number, default: 0 },
    declineReason: { type: String, enum: DECLINE_REASONS },
    note: String,
    cancelReason: { type: String, enum: CANCEL_REASONS },
    outcomes: [{ _id: false, companyId: Schema.Types.ObjectId, outcome: { type: String, enum: MEETING_OUTCOMES }, note: String, at: Date }],
    checkInCode: { type: String, required: true },
    checkedInAt: Date,
    absent: { type: [Schema.Types.ObjectId], default: [] },
  },
  { collection: "meetings", strict: "throw", timestamps: true, versionKey: false },
);
meetingSchema.index({ parties: 1, startsAt: 1 });
meetingSchema.index({ fairId: 1, status: 1 });
meetingSchema.index({ interpreterId: 1 });
export type MeetingDoc = InferSchemaType<typeof meetingSchema>;
