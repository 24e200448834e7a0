import { Schema } from "mongoose";

/** A value per language (any subset of vi, en, ja, ko, zh-Hant), stored as one embedded object. */
export const localizedText = new Schema({ vi: String, en: String, ja: String, ko: String, "zh-Hant": String }, { _id: false, strict: "throw" });
