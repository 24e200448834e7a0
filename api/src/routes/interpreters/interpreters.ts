import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import { presentInterpreter } from "../../presenters/interpreter";
import type { CommandContext } from "../../commands/context";
import { addInterpreter, changeInterpreter, listInterpreters, removeInterpreter } from "../../commands/interpreters/interpreters";
import * as S from "./schema";
import { organiserScope } from "../organiserScope";

/** The fair's interpreters, kept by organisers: languages they bridge and days they work. */
export function interpreterEndpoints(ctx: CommandContext) {
  const scope = organiserScope(ctx);
  return [
    defineEndpoint({
      method: "get",
      path: "/interpreters",
      summary: "The current fair's interpreters (organisers)",
      tags: ["interpreters"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: S.InterpretersListSchema,
      responses: { 200: { description: "Interpreters by name", schema: z.object({ data: z.array(S.InterpreterView) }) } },
      handler: async ({ auth, event }) => ({ body: { data: (await listInterpreters(ctx, auth!.user, event)).map(presentInterpreter) } }),
    }),
    defineEndpoint({
      method: "post",
      path: "/interpreters",
      summary: "Add an interpreter (organisers)",
      tags: ["interpreters"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: S.InterpretersCreateSchema,
      responses: { 201: { description: "Created", schema: S.InterpreterView } },
      handler: async ({ body, auth, event }) => ({ status: 201, body: presentInterpreter(await addInterpreter(ctx, auth!.user, event, body)) }),
    }),
    defineEndpoint({
      method: "patch",
      path: "/interpreters/:id",
      summary: "Change an interpreter's languages, days or name (organisers)",
      tags: ["interpreters"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: S.InterpretersUpdateSchema,
      responses: { 200: { description: "Updated", schema: S.InterpreterView } },
      handler: async ({ params, body, auth, event }) => ({
        body: presentInterpreter(await changeInterpreter(ctx, auth!.user, event, params.id, body)),
      }),
    }),
    defineEndpoint({
      method: "delete",
      path: "/interpreters/:id",
      summary: "Remove an interpreter (organisers)",
      tags: ["interpreters"],
      access: ["organiser"],
      before: [scope.currentFair],
      request: S.InterpretersDeleteSchema,
      responses: { 204: { description: "Removed" } },
      handler: async ({ params, auth, event }) => {
        await removeInterpreter(ctx, auth!.user, event, params.id);
        return {};
      },
    }),
  ];
}
