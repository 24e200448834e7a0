import { z } from "zod";
import { ObjectIdSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { AccountContext } from "../../commands/auth/context";
import { listNotifications, markNotificationsRead } from "../../commands/notifications/notifications";
import { presentNotification } from "../../presenters/notification";

const NotificationViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  meetingId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});

/** In-app notifications: what a client shows, and reads back after reconnecting. */
export function notificationEndpoints(ctx: AccountContext) {
  return [
    defineEndpoint({
      method: "get",
      path: "/me/notifications",
      summary: "My notifications, newest first (page back with `before`)",
      tags: ["meetings"],
      access: "signedIn",
      request: { query: z.strictObject({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }) },
      responses: { 200: { description: "Notifications", schema: z.array(NotificationViewSchema) } },
      handler: async ({ query, auth }) => {
        const rows = await listNotifications(ctx, auth!.user, query.limit, query.before ? new Date(query.before) : undefined);
        return { body: rows.map(presentNotification) };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/me/notifications/read",
      summary: "Mark notifications as read",
      tags: ["meetings"],
      access: "signedIn",
      request: { query: z.strictObject({}), body: z.strictObject({ ids: z.array(ObjectIdSchema).min(1).max(100) }) },
      responses: { 204: { description: "Marked" } },
      handler: async ({ body, auth }) => {
        await markNotificationsRead(ctx, auth!.user, body.ids);
        return {};
      },
    }),
  ];
}
