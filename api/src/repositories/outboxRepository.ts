import type { Models } from "../db/models";
import { groupedInserts } from "../db/groupedInserts";
import type { OutboxMessageDoc } from "../db/models/outboxMessage";

export interface OutgoingCalendar {
  method: "REQUEST" | "CANCEL";
  content: string;
}

export interface OutboxMessage {
  id: string;
  to: string;
  template: string;
  locale: string;
  subject: string;
  text: string;
  html?: string;
  calendar?: OutgoingCalendar;
  createdAt: Date;
  sentAt?: Date;
  attempts: number;
  lastError?: string;
  failedAt?: Date;
}

export type NewOutboxMessage = Omit<OutboxMessage, "id" | "createdAt" | "sentAt" | "attempts" | "lastError" | "failedAt">;

export interface OutboxRepository {
  enqueue(message: NewOutboxMessage): Promise<string>;
  /** Queues many messages in a few inserts (a published plan tells every firm). */
  enqueueMany(messages: NewOutboxMessage[]): Promise<void>;
  findById(id: string): Promise<OutboxMessage | null>;
  /** Messages neither sent nor given up, oldest first. */
  listWaiting(limit: number): Promise<OutboxMessage[]>;
  markSent(id: string, at: Date): Promise<void>;
  recordFailure(id: string, reason: string): Promise<void>;
  markGivenUp(id: string, reason: string, at: Date): Promise<void>;
  /** What organisers look at: messages given up, and waiting ones queued before `waitingSince`. */
  listStuck(waitingSince: Date, limit: number): Promise<OutboxMessage[]>;
  /** Messages to one address, newest first (the organiser's support view and tests read these). */
  listTo(to: string): Promise<OutboxMessage[]>;
  deleteTo(to: string): Promise<void>;
}

type Lean = OutboxMessageDoc & { _id: { toHexString(): string }; createdAt: Date };

const plain = (d: Lean): OutboxMessage => ({
  id: d._id.toHexString(),
  to: d.to,
  template: d.template,
  locale: d.locale,
  subject: d.subject,
  text: d.text,
  ...(d.html ? { html: d.html } : {}),
  ...(d.calendar?.method && d.calendar.content ? { calendar: { method: d.calendar.method, content: d.calendar.content } } : {}),
  createdAt: d.createdAt,
  ...(d.sentAt ? { sentAt: d.sentAt } : {}),
  attempts: d.attempts ?? 0,
  ...(d.lastError ? { lastError: d.lastError } : {}),
  ...(d.failedAt ? { failedAt: d.failedAt } : {}),
});

/** Messages per insert command when queueing many. */
const MESSAGES_PER_INSERT = 200;

const WAITING = { sentAt: { $exists: false }, failedAt: { $exists: false } };

export function createOutboxRepository({ OutboxMessage }: Models): OutboxRepository {
  // The mails of bookings served at once go out in one insert (see groupedInserts).
  const rows = groupedInserts(OutboxMessage);
  return {
    async enqueue(message) {
      const stored = await rows.insertOne({ ...message, to: message.to.toLowerCase() });
      return String(stored._id);
    },
    async enqueueMany(messages) {
      for (let i = 0; i < messages.length; i += MESSAGES_PER_INSERT)
        await OutboxMessage.insertMany(messages.slice(i, i + MESSAGES_PER_INSERT).map((m) => ({ ...m, to: m.to.toLowerCase() })));
    },
    async findById(id) {
      const doc = await OutboxMessage.findById(id).lean<Lean>();
      return doc ? plain(doc) : null;
    },
    async listWaiting(limit) {
      return (await OutboxMessage.find(WAITING).sort({ createdAt: 1 }).limit(limit).lean<Lean[]>()).map(plain);
    },
    async markSent(id, at) {
      await OutboxMessage.updateOne({ _id: id }, { $set: { sentAt: at } });
    },
    async recordFailure(id, reason) {
      await OutboxMessage.updateOne({ _id: id }, { $inc: { attempts: 1 }, $set: { lastError: reason.slice(0, 500) } });
    },
    async markGivenUp(id, reason, at) {
      await OutboxMessage.updateOne({ _id: id, sentAt: { $exists: false } }, { $set: { failedAt: at, lastError: reason.slice(0, 500) } });
    },
    async listStuck(waitingSince, limit) {
      const docs = await OutboxMessage.find({
        sentAt: { $exists: false },
        $or: [{ failedAt: { $exists: true } }, { createdAt: { $lt: waitingSince } }],
      })
        .sort({ createdAt: 1 })
        .limit(limit)
        .lean<Lean[]>();
      return docs.map(plain);
    },
    async deleteTo(to) {
      await OutboxMessage.deleteMany({ to: to.toLowerCase() });
    },
    async listTo(to) {
      return (await OutboxMessage.find({ to: to.toLowerCase() }).sort({ createdAt: -1 }).lean<Lean[]>()).map(plain);
    },
  };
}
