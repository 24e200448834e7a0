import { z } from "zod";
import { FirmHistorySchema, ObjectIdSchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { CommandContext } from "../../commands/context";
import { firmHistory, myFirmHistory } from "../../commands/history/firmHistory";
import { presentFirmHistory } from "../../presenters/history";
import { organiserScope } from "../organiserScope";

const noQuery = z.strictObject({});
const tags = ["meetings"];

/** A firm's history: every meeting and outcome across the programme's events, with the counts. */
export function historyEndpoints(ctx: CommandContext) {
  const scope = organiserScope(ctx);
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
      summary: "A firm's meetings and outcomes across every event (the firm's own members, and organisers of the whole programme)",
      tags,
      access: "signedIn",
      // It spans every event: an organiser scoped to some events is refused (members are not organisers: the guard lets them by).
      before: [scope.programme],
      request: { params: z.strictObject({ id: ObjectIdSchema }), query: noQuery },
      responses: { 200: { description: "The firm's history, newest event first", schema: FirmHistorySchema } },
      handler: async ({ params, auth, locale }) => ({ body: presentFirmHistory(await firmHistory(ctx, auth!.user, params.id), locale) }),
    }),
  ];
}
