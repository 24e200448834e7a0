import { Schema, type InferSchemaType } from "mongoose";

/**
 * Mail waiting to be sent. Commands write here; a dispatcher hands messages to the mail transport
 * and stamps sentAt, so a mail outage never fails a user's request and nothing is lost.
 */
export const outboxMessageSchema = new Schema(
  {
    to: { type: String, required: true },
    template: { type: String, required: true },
    locale: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    sentAt: Date,
    attempts: { type: Number, default: 0 },
  },
  { collection: "outbox", strict: "throw", timestamps: { createdAt: true, updatedAt: false } },
);
outboxMessageSchema.index({ sentAt: 1, createdAt: 1 });
export type OutboxMessageDoc = InferSchemaType<typeof outboxMessageSchema>;
