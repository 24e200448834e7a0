import type { UserRecord } from "../../repositories/userRepository";
import type { AccountContext } from "../auth/context";

/** The user's in-app notifications, newest first; `before` pages back. */
export async function listNotifications(ctx: AccountContext, user: UserRecord, limit: number, before?: Date) {
  return ctx.repos.notifications.listForUser(user.id, limit, before);
}

/** Marks the user's own notifications read (ids of others' change nothing). */
export async function markNotificationsRead(ctx: AccountContext, user: UserRecord, ids: string[]) {
  await ctx.repos.notifications.markRead(user.id, ids, ctx.now());
}
