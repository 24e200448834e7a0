import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import { notFound, validationFailed } from "../../errors";
import type { Repositories } from "../../repositories";
import { checkInterpreterDays } from "../../domain/fairSetupRules";
import * as S from "./schema";

/** The fair's interpreters, kept by organisers: languages they bridge and days they work. */
export function interpreterEndpoints(repos: Repositories, now: () => Date) {
  const currentFair = async () => {
    const fair = await repos.fairs.findCurrent(now());
    if (!fair) throw notFound();
    return fair;
  };
  const checkDays = (days: string[] | undefined, fairDays: string[]) => {
    const bad = checkInterpreterDays(days, fairDays);
    if (Object.keys(bad).length) throw validationFailed(bad);
  };
  return [
    defineEndpoint({
      method: "get",
      path: "/interpreters",
      summary: "The current fair's interpreters (organisers)",
      tags: ["interpreters"],
      access: ["organiser"],
      request: S.InterpretersListSchema,
      responses: { 200: { description: "Interpreters by name", schema: z.object({ data: z.array(S.InterpreterView) }) } },
      handler: async () => ({ body: { data: await repos.interpreters.listForFair((await currentFair()).id) } }),
    }),
    defineEndpoint({
      method: "post",
      path: "/interpreters",
      summary: "Add an interpreter (organisers)",
      tags: ["interpreters"],
      access: ["organiser"],
      request: S.InterpretersCreateSchema,
      responses: { 201: { description: "Created", schema: S.InterpreterView } },
      handler: async ({ body }) => {
        const fair = await currentFair();
        checkDays(body.availableDays, fair.days);
        return { status: 201, body: await repos.interpreters.create(fair.id, body) };
      },
    }),
    defineEndpoint({
      method: "patch",
      path: "/interpreters/:id",
      summary: "Change an interpreter's languages, days or name (organisers)",
      tags: ["interpreters"],
      access: ["organiser"],
      request: S.InterpretersUpdateSchema,
      responses: { 200: { description: "Updated", schema: S.InterpreterView } },
      handler: async ({ params, body }) => {
        checkDays(body.availableDays, (await currentFair()).days);
        const updated = await repos.interpreters.update(params.id, body);
        if (!updated) throw notFound();
        return { body: updated };
      },
    }),
    defineEndpoint({
      method: "delete",
      path: "/interpreters/:id",
      summary: "Remove an interpreter (organisers)",
      tags: ["interpreters"],
      access: ["organiser"],
      request: S.InterpretersDeleteSchema,
      responses: { 204: { description: "Removed" } },
      handler: async ({ params }) => {
        if (!(await repos.interpreters.delete(params.id))) throw notFound();
        return {};
      },
    }),
  ];
}
