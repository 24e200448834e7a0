import { z } from "zod";
import express, { type RequestHandler, type Router } from "express";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { Logger } from "pino";
import {
  MeetingLiveEventSchema,
  ObjectIdSchema,
  RoomTicketRequestSchema,
  RoomTicketViewSchema,
  SocketTokenViewSchema,
  VideoTokenViewSchema,
} from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import { socketToken, roomTicket } from "../../commands/live/realtimeTokens";
import { meetingVideoToken, boothVideoToken } from "../../commands/live/video";
import { receiveVideoWebhook } from "../../commands/live/receiveVideoWebhook";
import { meetingAttendance, meetingRoomState } from "../../commands/live/meetingRoom";
import type { LiveContext } from "../../commands/live/context";

const id = ObjectIdSchema;
const noQuery = z.strictObject({});
const noBody = z.strictObject({});

const AttendanceViewSchema = z.object({
  meetingId: z.string(),
  status: z.string(),
  togetherSeconds: z.number(),
  participants: z.array(
    z.object({
      userId: z.string(),
      access: z.string(),
      companyId: z.string().optional(),
      joins: z.number(),
      seconds: z.number(),
      present: z.boolean(),
    }),
  ),
});

/** Realtime handshake tokens and room tickets, video tokens, and video attendance. Every grant follows a policy check. */
export function liveEndpoints(ctx: LiveContext, guestTokens: RequestHandler) {
  return [
    defineEndpoint({
      method: "post",
      path: "/realtime/token",
      summary:
        "A short-lived token for the realtime service's handshake (sent in handshake.auth.token); visitors not signed in get a guest token for the public hall only",
      tags: ["realtime"],
      access: "public",
      before: [guestTokens],
      request: { query: noQuery, body: noBody },
      responses: { 200: { description: "The token", schema: SocketTokenViewSchema } },
      handler: async ({ auth }) => ({ body: await socketToken(ctx, auth) }),
    }),
    defineEndpoint({
      method: "post",
      path: "/realtime/tickets",
      summary: "A ticket to join a meeting's or a booth's realtime room (404 when the meeting or booth is not yours to see)",
      tags: ["realtime"],
      access: "signedIn",
      request: { query: noQuery, body: RoomTicketRequestSchema },
      responses: { 200: { description: "The ticket, for room:join", schema: RoomTicketViewSchema } },
      handler: async ({ body, auth }) => ({ body: await roomTicket(ctx, auth!.user, body.room) }),
    }),
    defineEndpoint({
      method: "post",
      path: "/meetings/:id/video-token",
      summary: "Join an online meeting's video room: its parties, its interpreter and organisers, while it is booked; one room, ten minutes",
      tags: ["video"],
      access: "signedIn",
      request: { params: z.strictObject({ id }), query: noQuery, body: noBody },
      responses: { 200: { description: "Where and how to connect", schema: VideoTokenViewSchema } },
      handler: async ({ params, auth }) => ({ body: await meetingVideoToken(ctx, auth!.user, params.id) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/meetings/:id/live",
      summary:
        "The meeting's video room as it is now: waiting, interpreter joined, started or ended, and who is in it (what a reconnecting client reads)",
      tags: ["video"],
      access: "signedIn",
      request: { params: z.strictObject({ id }), query: noQuery },
      responses: { 200: { description: "The room's state now", schema: MeetingLiveEventSchema } },
      handler: async ({ params, auth }) => ({ body: await meetingRoomState(ctx, auth!.user, params.id) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/meetings/:id/attendance",
      summary: "Who was in an online meeting's video room and for how long (organisers and the parties)",
      tags: ["video"],
      access: "signedIn",
      request: { params: z.strictObject({ id }), query: noQuery },
      responses: { 200: { description: "Time in the room per participant, and together", schema: AttendanceViewSchema } },
      handler: async ({ params, auth }) => {
        const { meeting, togetherSeconds, participants } = await meetingAttendance(ctx, auth!.user, params.id);
        return { body: { meetingId: meeting.id, status: meeting.status, togetherSeconds, participants } };
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/booths/:companyId/video-token",
      summary: "Join a booth's video room: its staff publish, a visitor admitted from the queue publishes, other visitors watch",
      tags: ["video"],
      access: "signedIn",
      request: { params: z.strictObject({ companyId: id }), query: noQuery, body: noBody },
      responses: { 200: { description: "Where and how to connect", schema: VideoTokenViewSchema } },
      handler: async ({ params, auth }) => ({ body: await boothVideoToken(ctx, auth!.user, params.companyId) }),
    }),
  ];
}

/**
 * LiveKit's webhook: the raw body is needed to check its signature (the Authorization header is a
 * JWT signed with the API secret carrying the body's SHA-256), so this route is mounted before the
 * JSON parser. Unsigned or tampered calls get 401 and change nothing.
 */
export function mountVideoWebhook(router: Router, registry: OpenAPIRegistry, ctx: LiveContext, logger: Logger) {
  router.post("/livekit/webhook", express.raw({ type: () => true, limit: "256kb" }), async (req, res, next) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
      await receiveVideoWebhook(ctx, body, req.get("authorization"), logger);
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  });
  registry.registerPath({
    method: "post",
    path: "/api/livekit/webhook",
    summary: "LiveKit's webhook (signed by the LiveKit server; records joins and leaves, marks meetings held)",
    tags: ["video"],
    responses: { 204: { description: "Recorded" }, 401: { description: "Unsigned or tampered" } },
  });
}
