import type { Models } from "../db/models";

export interface OutboxMessage {
  id: string;
  to: string;
  template: string;
  locale: string;
  subject: string;
  text: string;
  sentAt?: Date;
}

export interface OutboxRepository {
  enqueue(message: Omit<OutboxMessage, "id" | "sentAt">): Promise<void>;
  /** Oldest unsent messages first. */
  listUnsent(limit: number): Promise<OutboxMessage[]>;
  markSent(id: string, at: Date): Promise<void>;
  markFailed(id: string): Promise<void>;
  /** Messages to one address, newest first (tests and the organiser's support view read these). */
  listTo(to: string): Promise<OutboxMessage[]>;
  deleteTo(to: string): Promise<void>;
}

export function createOutboxRepository({ OutboxMessage }: Models): OutboxRepository {
  const plain = (d: { _id: { toHexString(): string }; to: string; template: string; locale: string; subject: string; text: string; sentAt?: Date | null }) => ({
    id: d._id.toHexString(),
    to: d.to,
    template: d.template,
    locale: d.locale,
    subject: d.subject,
    text: d.text,
    ...(d.sentAt ? { sentAt: d.sentAt } : {}),
  });
  return {
    async enqueue(message) {
      await OutboxMessage.create(message);
    },
    async listUnsent(limit) {
      return (await OutboxMessage.find({ sentAt: { $exists: false }, attempts: { $lt: 10 } }).sort({ createdAt: 1 }).limit(limit).lean()).map(plain);
    },
    async markSent(id, at) {
      await OutboxMessage.updateOne({ _id: id }, { $set: { sentAt: at } });
    },
    async markFailed(id) {
      await OutboxMessage.updateOne({ _id: id }, { $inc: { attempts: 1 } });
    },
    async deleteTo(to) {
      await OutboxMessage.deleteMany({ to: to.toLowerCase() });
    },
    async listTo(to) {
      return (await OutboxMessage.find({ to: to.toLowerCase() }).sort({ createdAt: -1 }).lean()).map(plain);
    },
  };
}
