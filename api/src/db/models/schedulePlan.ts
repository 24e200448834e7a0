import { Schema } from "mongoose";

/**
 * One run of the organiser's auto-scheduler: the instance it solved (the fair as it was then), the
 * plan, and what publishing it did. Kept as a draft until published; adjusted by hand in between.
 */
export const schedulePlanSchema = new Schema(
  {
    fairId: { type: Schema.Types.ObjectId, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ["draft", "published"], required: true },
    timeLimitMs: { type: Number, required: true },
    instance: { type: Schema.Types.Mixed, required: true },
    /** Per meeting key: where it came from and its two companies. */
    sources: { type: Schema.Types.Mixed, required: true },
    solution: { type: Schema.Types.Mixed, required: true },
    breaks: { type: Number, required: true },
    firstFit: { value: Number, breaks: Number },
    reasons: { type: Schema.Types.Mixed, default: {} },
    publishedAt: Date,
    publishResult: { type: Schema.Types.Mixed },
    /** The interpreters' figures of the plan as it stands (run limit, longest run, runs at it, table distance). */
    interpreterStats: { type: Schema.Types.Mixed },
    /** A re-plan of booked meetings: where each stood when it ran (what publishing it changes is measured from here). */
    replan: { type: Schema.Types.Mixed },
    /** "replan" for a re-plan (the list shows it without reading where every meeting stood). */
    kind: { type: String, enum: ["replan"] },
  },
  { collection: "schedule_plans", strict: "throw", versionKey: false, minimize: false, timestamps: true },
);
schedulePlanSchema.index({ fairId: 1, createdAt: -1 });

/**
 * A plan's publication: while it runs, how many meetings are booked of those to book; once done,
 * when and what it did. A document of its own, beside the plan's: a plan of thousands of meetings
 * is a large document, and rewriting it for each step cost more than the bookings themselves.
 */
export const planPublicationSchema = new Schema(
  {
    /** The plan's id. */
    _id: { type: String, required: true },
    fairId: { type: Schema.Types.ObjectId, required: true },
    done: Number,
    total: Number,
    publishedAt: Date,
    result: { type: Schema.Types.Mixed },
  },
  { collection: "plan_publications", strict: "throw", versionKey: false },
);
planPublicationSchema.index({ fairId: 1 });
