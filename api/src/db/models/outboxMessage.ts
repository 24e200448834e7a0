import { Schema, type InferSchemaType } from "mongoose";

/**
 * Mail waiting to be sent. Commands write here; the mail queue hands messages to the transport and
 * stamps sentAt, so a mail outage never fails a user's request and nothing is lost. A message the
 * server kept refusing past the retry budget gets failedAt and the last reason (organisers see it).
 */
export const outboxMessageSchema = new Schema(
  {
    to: { type: String, required: true },
    template: { type: String, required: true },
    locale: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: String,
    /** An iTIP invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for calendar apps. */
    calendar: { _id: false, type: { method: { type: String, enum: ["REQUEST", "CANCEL"] }, content: String } },
    sentAt: Date,
    attempts: { type: Number, default: 0 },
    lastError: String,
    failedAt: Date,
  },
  { collection: "outbox", strict: "throw", timestamps: { createdAt: true, updatedAt: false } },
);
outboxMessageSchema.index({ sentAt: 1, createdAt: 1 });
export type OutboxMessageDoc = InferSchemaType<typeof outboxMessageSchema>;
