import { Schema, type InferSchemaType } from "mongoose";
import { bumpsRevisionOnWrite } from "../revisions";
import { localizedText } from "./localizedText";

const timeOfDay = { type: String, match: /^([01]\d|2[0-3]):[0-5]\d$/ };

export const fairSchema = new Schema(
  {
    slug: { type: String, required: true, unique: true },
    kind: { type: String, enum: ["hybrid", "online", "delegation", "mission"], default: "hybrid" },
    requiresApproval: { type: Boolean, default: true },
    name: { type: localizedText, required: true },
    venue: { type: localizedText, required: true },
    timeZone: { type: String, required: true },
    /** Fair days as local dates (YYYY-MM-DD) in the fair's time zone. */
    days: { type: [String], required: true },
    slotMinutes: { type: Number, required: true, min: 10, max: 120 },
    dailyHours: { start: { ...timeOfDay, required: true }, end: { ...timeOfDay, required: true } },
    breaks: [{ _id: false, start: timeOfDay, end: timeOfDay, label: localizedText }],
    onsiteTables: { type: Number, required: true, min: 0 },
    /** Table zones by sector: tables from..to (inclusive) are for that sector's meetings first. */
    tableZones: [{ _id: false, from: Number, to: Number, sector: String }],
    onlineRoomsPerSlot: { type: Number, required: true, min: 0 },
    /** Programme weights for the matcher, e.g. { JP: 1.2, KR: 1.2 }. */
    countryPriorities: { type: Map, of: Number, default: {} },
  },
  { collection: "fairs", strict: "throw", timestamps: true },
);
bumpsRevisionOnWrite(fairSchema, "fairs");
export type FairDoc = InferSchemaType<typeof fairSchema>;
