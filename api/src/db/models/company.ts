import { Schema, type InferSchemaType } from "mongoose";
import { bumpsRevisionOnWrite } from "../revisions";
import { localizedText } from "./localizedText";

const codeList = { type: [String], default: [] };

export const companySchema = new Schema(
  {
    fairId: { type: Schema.Types.ObjectId, required: true, index: true },
    kind: { type: String, required: true, enum: ["domestic", "foreign"] },
    /**
     * Natural key, unique: "VN:<tax code>" for a Hanoi firm, "<country>:<slug>" for a foreign one.
     * (A unique index on taxCode alone would clash on the foreign firms that have none: no sparse
     * or partial indexes on FerretDB.)
     */
    registrationKey: { type: String, required: true, unique: true },
    legalName: { type: String, required: true },
    englishName: { type: String },
    taxCode: { type: String },
    country: { type: String, required: true, match: /^[A-Z]{2}$/ },
    district: { type: String },
    city: { type: String },
    timeZone: { type: String, required: true },
    participation: { type: String, required: true, enum: ["onsite", "remote"] },
    sectors: codeList,
    processes: [
      {
        _id: false,
        code: { type: String, required: true },
        materials: codeList,
        toleranceMm: Number,
        maxPartSizeMm: Number,
        monthlyCapacity: Number,
      },
    ],
    certifications: [{ _id: false, code: { type: String, required: true }, validUntil: Date }],
    products: [{ _id: false, name: localizedText, keyIndustrialProductYear: Number }],
    needs: [
      {
        _id: false,
        kind: { type: String, enum: ["technology", "buyer", "transfer"], required: true },
        codes: codeList,
        priority: { type: Number, min: 1, max: 3, default: 2 },
        text: localizedText,
      },
    ],
    offers: [{ _id: false, code: { type: String, required: true }, text: localizedText }],
    requirements: [
      {
        _id: false,
        processes: codeList,
        materials: codeList,
        certifications: codeList,
        minMonthlyCapacity: Number,
        mandatory: { type: Boolean, default: false },
        text: localizedText,
      },
    ],
    languages: codeList,
    employees: Number,
    exportMarkets: codeList,
    description: localizedText,
    website: String,
    booth: {
      headline: localizedText,
      highlights: { type: [localizedText], default: undefined },
      staffLanguages: { type: [String], default: undefined },
    },
    /**
     * Starts of the slots the firm cannot meet in, beyond its fair sessions and working hours (a slot
     * is named by its start, so a change of the fair's hours moves none). Databases from before held
     * slot ids ("d1s03"): migrateSlotIdentity turns them into starts.
     */
    blockedSlots: { type: [Date], default: [] },
    /** Self-registered firms wait for an organiser; seeded and imported firms are approved. */
    status: { type: String, enum: ["pending", "approved"], default: "approved" },
    /** Listed in the public directory (a firm chooses). */
    listed: { type: Boolean, default: true },
    /** Normalised names and district (no diacritics, lower case) for search without collation. */
    searchKey: { type: String, required: true },
    /** The legal name normalised, for a diacritic-insensitive A-Z order. */
    sortName: { type: String, required: true },
  },
  { collection: "companies", strict: "throw", timestamps: true },
);
companySchema.index({ fairId: 1, kind: 1, country: 1 });
bumpsRevisionOnWrite(companySchema, "companyRecords");
export type CompanyDoc = InferSchemaType<typeof companySchema>;
