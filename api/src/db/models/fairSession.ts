import { Schema, type InferSchemaType } from "mongoose";
import { FAIR_SESSION_KINDS } from "@ketnoi/contracts";
import { localizedText } from "./localizedText";
import { bumpsRevisionOnWrite } from "../revisions";

export const fairSessionSchema = new Schema(
  {
    fairId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true, unique: true },
    kind: { type: String, required: true, enum: FAIR_SESSION_KINDS },
    title: { type: localizedText, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    /** The room's name per language (a plain string before rooms were localisable: read as Vietnamese). */
    room: { type: localizedText, required: true },
    speakers: { type: [String], default: [] },
    capacity: { type: Number, required: true, min: 1 },
  },
  { collection: "fair_sessions", strict: "throw", timestamps: true },
);
fairSessionSchema.index({ fairId: 1, startsAt: 1 });
bumpsRevisionOnWrite(fairSessionSchema, "programme");
export type FairSessionDoc = InferSchemaType<typeof fairSessionSchema>;
