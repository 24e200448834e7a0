import { z } from "zod";
import { FirmHistorySchema, ObjectIdSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { CommandContext } from "../../commands/context";
import { firmHistory, myFirmHistory } from "../../commands/history/firmHistory";
import { presentFirmHistory } from "../../presenters/history";

const noQuery = z.strictObject({});
const tags = ["meetings"];

/** A firm's history: every meeting and outcome across the programme's events, with the counts. */
export function historyEndpoints(ctx: CommandContext) {
  return [
    defineEndpoint({
      method: "get",
      path: "/me/history",
      summary: "My firm's meetings and their outcomes across every event, grouped by event, with meetings held and outcomes counted",
      tags,
      access: ["domestic", "vendor"],
      request: { query: noQuery },
      responses: { 200: { description: "The firm's history, newest event first", schema: FirmHistorySchema } },
      handler: async ({ auth, locale }) => ({ body: presentFirmHistory(await myFirmHistory(ctx, auth!.user), locale) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/companies/:id/history",
      summary: "A firm's meetings and outcomes across every event (organisers, and the firm's own members)",
      tags,
      access: "signedIn",
      request: { params: z.strictObject({ id: ObjectIdSchema }), query: noQuery },
      responses: { 200: { description: "The firm's history, newest event first", schema: FirmHistorySchema } },
      handler: async ({ params, auth, locale }) => ({ body: presentFirmHistory(await firmHistory(ctx, auth!.user, params.id), locale) }),
    }),
  ];
}
