import { Schema } from "mongoose";

/**
 * A change counter per collection that processes cache ("companies"): read by _id, which FerretDB
 * answers without a scan, so checking freshness costs one cheap query.
 */
export const revisionSchema = new Schema(
  { _id: { type: String, required: true }, value: { type: Number, required: true, default: 0 } },
  { collection: "revisions", strict: "throw", versionKey: false },
);
