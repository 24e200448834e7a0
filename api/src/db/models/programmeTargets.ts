import { Schema } from "mongoose";

// A sub-schema: inline, keys named min and max would read as the number validators of those names.
const rangeSchema = new Schema({ min: { type: Number, required: true, min: 0 }, max: { type: Number, required: true, min: 0 } }, { _id: false });
const range = { type: rangeSchema, required: true };

/**
 * A year's programme targets as organisers entered them (one document per year, the year as _id): the
 * figures of the city's plans that the periodic report to the People's Committee measures against.
 * A year with no document has the plans' own figures (PLAN_DEFAULT_TARGETS in contracts).
 */
export const programmeTargetsSchema = new Schema(
  {
    _id: { type: Number, required: true },
    domesticFirms: range,
    certifiedFirms: range,
    technologyMakers: range,
    missionFirms: range,
    keyProductFirms: range,
    keyProducts: range,
    updatedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: "programme_targets", strict: "throw", versionKey: false, timestamps: true },
);
