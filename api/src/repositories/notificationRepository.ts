import { Types } from "mongoose";
import type { Models } from "../db/models";
import { groupedInserts } from "../db/groupedInserts";

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: string;
  meetingId?: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt?: Date;
}

export interface NotificationRepository {
  addMany(notifications: Omit<NotificationRecord, "id" | "createdAt" | "readAt">[]): Promise<NotificationRecord[]>;
  /** Newest first; `before` pages back. */
  listForUser(userId: string, limit: number, before?: Date): Promise<NotificationRecord[]>;
  markRead(userId: string, ids: string[], at: Date): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
}

type Lean = {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  kind: string;
  meetingId?: Types.ObjectId | null;
  data?: Record<string, unknown>;
  createdAt?: Date;
  readAt?: Date | null;
};
const toRecord = (d: Lean): NotificationRecord => ({
  id: d._id.toHexString(),
  userId: d.userId.toHexString(),
  kind: d.kind,
  ...(d.meetingId ? { meetingId: d.meetingId.toHexString() } : {}),
  data: d.data ?? {},
  createdAt: d.createdAt!,
  ...(d.readAt ? { readAt: d.readAt } : {}),
});

export function createNotificationRepository({ Notification }: Models): NotificationRepository {
  // The notices of bookings served at once go out in one insert (see groupedInserts).
  const rows = groupedInserts(Notification);
  return {
    async addMany(notifications) {
      if (!notifications.length) return [];
      const { stored } = await rows.insert(
        notifications.map((n) => ({
          ...n,
          userId: new Types.ObjectId(n.userId),
          ...(n.meetingId ? { meetingId: new Types.ObjectId(n.meetingId) } : {}),
        })),
      );
      return stored.map((d) => toRecord(d as unknown as Lean));
    },
    async listForUser(userId, limit, before) {
      const filter = { userId: new Types.ObjectId(userId), ...(before ? { createdAt: { $lt: before } } : {}) };
      return (await Notification.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<Lean[]>()).map(toRecord);
    },
    async markRead(userId, ids, at) {
      for (const id of ids)
        await Notification.updateOne({ _id: new Types.ObjectId(id), userId: new Types.ObjectId(userId) }, { $set: { readAt: at } });
    },
    async deleteForUser(userId) {
      await Notification.deleteMany({ userId: new Types.ObjectId(userId) });
    },
  };
}
