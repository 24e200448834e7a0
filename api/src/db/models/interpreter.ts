import { Schema, type InferSchemaType } from "mongoose";
import { bumpsRevisionOnWrite } from "../revisions";

export const interpreterSchema = new Schema(
  {
    fairId: { type: Schema.Types.ObjectId, required: true },
    /** Natural key for idempotent seeding and imports. */
    key: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId },
    languages: { type: [String], required: true },
    /** Available days (YYYY-MM-DD, fair time zone); slot-level availability comes with scheduling. */
    availableDays: { type: [String], default: [] },
  },
  { collection: "interpreters", strict: "throw", timestamps: true },
);
bumpsRevisionOnWrite(interpreterSchema, "fairs");
export type InterpreterDoc = InferSchemaType<typeof interpreterSchema>;
