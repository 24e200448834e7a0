import type { NotificationRecord } from "../repositories/notificationRepository";

/** A notification as a client shows it, read or not. */
export const presentNotification = (n: NotificationRecord) => ({
  id: n.id,
  kind: n.kind,
  ...(n.meetingId ? { meetingId: n.meetingId } : {}),
  data: n.data,
  createdAt: n.createdAt.toISOString(),
  read: Boolean(n.readAt),
});
