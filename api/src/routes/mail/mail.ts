import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import { presentStuckMail, StuckMailViewSchema } from "../../presenters/stuckMail";
import type { CommandContext } from "../../commands/context";
import { listStuckMail } from "../../commands/mail/stuckMail";
import { organiserScope } from "../organiserScope";

/** What the organisers see of mail delivery: messages that did not go out. */
export function mailEndpoints(ctx: CommandContext) {
  const scope = organiserScope(ctx);
  return [
    defineEndpoint({
      method: "get",
      path: "/mail/stuck",
      summary: "Mail not delivered: given up after the retries (with the mail server's last answer) or waiting more than ten minutes (organisers)",
      tags: ["mail"],
      access: ["organiser"],
      before: [scope.programme],
      request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: { 200: { description: "Stuck messages, oldest first", schema: z.array(StuckMailViewSchema) } },
      handler: async ({ query }) => ({ body: (await listStuckMail(ctx, query.limit)).map(presentStuckMail) }),
    }),
  ];
}
