import { z } from "zod";
import { BoothChatMessageSchema, BoothChatPostSchema, BoothQueueViewSchema, ObjectIdSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { RequestHandler } from "express";
import type { LiveContext } from "../../commands/live/context";
import {
  admitNextVisitor,
  boothChatHistory,
  boothQueue,
  deleteBoothChat,
  joinBoothQueue,
  leaveBoothQueue,
  postBoothChat,
} from "../../commands/live/booths";

const id = ObjectIdSchema;
const params = z.strictObject({ companyId: id });
const noQuery = z.strictObject({});
const tags = ["booths"];

/** A company's virtual booth: chat (persisted, paged, moderated) and the queue to talk to its staff. */
export function boothEndpoints(ctx: LiveContext, chatLimit: RequestHandler) {
  return [
    defineEndpoint({
      method: "get",
      path: "/booths/:companyId/chat",
      summary: "Booth chat, newest first (page back with `before`, a message id)",
      tags,
      access: "signedIn",
      request: { params, query: z.strictObject({ before: id.optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }) },
      responses: { 200: { description: "Messages", schema: z.array(BoothChatMessageSchema) } },
      handler: async ({ params: p, query, auth }) => ({ body: await boothChatHistory(ctx, auth!.user, p.companyId, query.limit, query.before) }),
    }),
    defineEndpoint({
      method: "post",
      path: "/booths/:companyId/chat",
      summary: "Say something in a booth's chat (rate-limited per user)",
      tags,
      access: "signedIn",
      before: [chatLimit],
      request: { params, query: noQuery, body: BoothChatPostSchema },
      responses: { 201: { description: "The stored message", schema: BoothChatMessageSchema } },
      handler: async ({ params: p, body, auth }) => ({ status: 201, body: await postBoothChat(ctx, auth!.user, p.companyId, body.text) }),
    }),
    defineEndpoint({
      method: "delete",
      path: "/booths/:companyId/chat/:messageId",
      summary: "Delete a chat message: the booth's staff and organisers any, authors their own",
      tags,
      access: "signedIn",
      request: { params: z.strictObject({ companyId: id, messageId: id }), query: noQuery },
      responses: { 204: { description: "Deleted" } },
      handler: async ({ params: p, auth }) => {
        await deleteBoothChat(ctx, auth!.user, p.companyId, p.messageId);
        return {};
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/booths/:companyId/queue",
      summary: "The booth's queue: staff see everyone waiting in order; a visitor their place",
      tags,
      access: "signedIn",
      request: { params, query: noQuery },
      responses: { 200: { description: "The queue", schema: BoothQueueViewSchema } },
      handler: async ({ params: p, auth }) => ({ body: await boothQueue(ctx, auth!.user, p.companyId) }),
    }),
    defineEndpoint({
      method: "post",
      path: "/booths/:companyId/queue",
      summary: "Ask to talk to the booth's staff (a visitor keeps their place when asking again)",
      tags,
      access: "signedIn",
      request: { params, query: noQuery, body: z.strictObject({}) },
      responses: { 200: { description: "My place", schema: BoothQueueViewSchema } },
      handler: async ({ params: p, auth }) => ({ body: await joinBoothQueue(ctx, auth!.user, p.companyId) }),
    }),
    defineEndpoint({
      method: "delete",
      path: "/booths/:companyId/queue",
      summary: "Leave the booth's queue",
      tags,
      access: "signedIn",
      request: { params, query: noQuery },
      responses: { 204: { description: "Left" } },
      handler: async ({ params: p, auth }) => {
        await leaveBoothQueue(ctx, auth!.user, p.companyId);
        return {};
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/booths/:companyId/queue/admit",
      summary: "Admit the visitor who has waited longest (booth staff and organisers)",
      tags,
      access: "signedIn",
      request: { params, query: noQuery, body: z.strictObject({}) },
      responses: { 200: { description: "Who was admitted", schema: z.object({ userId: z.string(), name: z.string() }) } },
      handler: async ({ params: p, auth }) => ({ body: await admitNextVisitor(ctx, auth!.user, p.companyId) }),
    }),
  ];
}
