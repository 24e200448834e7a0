import { Schema, type InferSchemaType } from "mongoose";
import { TAXONOMY_KINDS } from "@ketnoi/contracts";

export const taxonomyTermSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    kind: { type: String, required: true, enum: TAXONOMY_KINDS },
    parent: { type: String },
    labels: {
      vi: { type: String, required: true },
      en: { type: String, required: true },
      ja: { type: String, required: true },
      ko: { type: String, required: true },
      "zh-Hant": { type: String, required: true },
    },
    version: { type: Number, required: true },
  },
  { collection: "taxonomy_terms", strict: "throw" },
);
export type TaxonomyTermDoc = InferSchemaType<typeof taxonomyTermSchema>;
