import { Types } from "mongoose";
import type { Models } from "../db/models";

export interface BoothChatRecord {
  id: string;
  companyId: string;
  userId: string;
  name: string;
  text: string;
  createdAt: Date;
}
export interface BoothQueueRecord {
  id: string;
  companyId: string;
  userId: string;
  name: string;
  askedAt: Date;
  admittedAt?: Date;
}

export interface BoothRepository {
  addChat(message: Omit<BoothChatRecord, "id" | "createdAt">): Promise<BoothChatRecord>;
  /** Newest first; `before` (a message id) pages back. */
  listChat(companyId: string, limit: number, before?: string): Promise<BoothChatRecord[]>;
  findChat(id: string): Promise<BoothChatRecord | null>;
  deleteChat(id: string): Promise<void>;
  /** Puts a visitor in the queue (again, at the back, when they had been admitted); a waiting visitor keeps their place. */
  enqueue(companyId: string, userId: string, name: string, at: Date): Promise<BoothQueueRecord>;
  leaveQueue(companyId: string, userId: string): Promise<void>;
  findEntry(companyId: string, userId: string): Promise<BoothQueueRecord | null>;
  /** Everyone still waiting, in order of asking. */
  waiting(companyId: string): Promise<BoothQueueRecord[]>;
  /** Admits the first visitor waiting, exactly once even when two staff press at once; null when nobody waits. */
  admitNext(companyId: string, by: string, at: Date): Promise<BoothQueueRecord | null>;
}

type ChatLean = { _id: Types.ObjectId; companyId: Types.ObjectId; userId: Types.ObjectId; name: string; text: string; createdAt?: Date };
const chat = (d: ChatLean): BoothChatRecord => ({
  id: d._id.toHexString(),
  companyId: d.companyId.toHexString(),
  userId: d.userId.toHexString(),
  name: d.name,
  text: d.text,
  createdAt: d.createdAt!,
});
type EntryLean = { _id: string; companyId: Types.ObjectId; userId: Types.ObjectId; name: string; askedAt: Date; admittedAt?: Date | null };
const entry = (d: EntryLean): BoothQueueRecord => ({
  id: d._id,
  companyId: d.companyId.toHexString(),
  userId: d.userId.toHexString(),
  name: d.name,
  askedAt: d.askedAt,
  ...(d.admittedAt ? { admittedAt: d.admittedAt } : {}),
});
const entryId = (companyId: string, userId: string) => `${companyId}:${userId}`;
const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

export function createBoothRepository({ BoothChatMessage, BoothQueueEntry, BoothAdmission }: Models): BoothRepository {
  const findEntry = async (companyId: string, userId: string) => {
    const d = await BoothQueueEntry.findById(entryId(companyId, userId)).lean<EntryLean>();
    return d ? entry(d) : null;
  };
  const waiting = async (companyId: string) =>
    (
      await BoothQueueEntry.find({ companyId: new Types.ObjectId(companyId) })
        .sort({ askedAt: 1, _id: 1 })
        .lean<EntryLean[]>()
    )
      .filter((d) => !d.admittedAt)
      .map(entry);
  return {
    async addChat(m) {
      const doc = await BoothChatMessage.create({ ...m, companyId: new Types.ObjectId(m.companyId), userId: new Types.ObjectId(m.userId) });
      return chat(doc.toObject() as unknown as ChatLean);
    },
    async listChat(companyId, limit, before) {
      const filter = { companyId: new Types.ObjectId(companyId), ...(before ? { _id: { $lt: new Types.ObjectId(before) } } : {}) };
      return (await BoothChatMessage.find(filter).sort({ _id: -1 }).limit(limit).lean<ChatLean[]>()).map(chat);
    },
    async findChat(id) {
      const d = await BoothChatMessage.findById(id).lean<ChatLean>();
      return d ? chat(d) : null;
    },
    async deleteChat(id) {
      await BoothChatMessage.deleteOne({ _id: new Types.ObjectId(id) });
    },
    async enqueue(companyId, userId, name, at) {
      const _id = entryId(companyId, userId);
      const existing = await findEntry(companyId, userId);
      if (existing && !existing.admittedAt) return existing;
      if (existing) await BoothQueueEntry.deleteOne({ _id });
      try {
        await BoothQueueEntry.create({ _id, companyId: new Types.ObjectId(companyId), userId: new Types.ObjectId(userId), name, askedAt: at });
      } catch (err) {
        if (!isDuplicate(err)) throw err; // asked twice at once: the first stands
      }
      return (await findEntry(companyId, userId))!;
    },
    async leaveQueue(companyId, userId) {
      await BoothQueueEntry.deleteOne({ _id: entryId(companyId, userId) });
    },
    findEntry,
    waiting,
    async admitNext(companyId, by, at) {
      for (const next of await waiting(companyId)) {
        try {
          await BoothAdmission.create({ _id: `${next.id}@${next.askedAt.getTime()}`, by: new Types.ObjectId(by), at });
        } catch (err) {
          if (isDuplicate(err)) continue; // another staff member admitted this one
          throw err;
        }
        await BoothQueueEntry.updateOne({ _id: next.id }, { $set: { admittedAt: at, admittedBy: new Types.ObjectId(by) } });
        return { ...next, admittedAt: at };
      }
      return null;
    },
  };
}
