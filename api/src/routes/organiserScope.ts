import type { Request, RequestHandler } from "express";
import type { CommandContext } from "../commands/context";
import { requestEvent } from "../http/context";
import { checkCurrentFairOrganiser, checkEventOrganiser, checkProgrammeOrganiser } from "../commands/organisers/scope";

/**
 * Which events an organiser endpoint acts on, declared next to its `access` (as `before`): an organiser
 * scoped to some events is refused (403) on the others. `event` is the one named by `:slug`,
 * `currentFair` the fair running now or next, `programme` all of them.
 */
export function organiserScope(ctx: CommandContext) {
  const guard =
    (check: (req: Request & { auth: NonNullable<Request["auth"]> }) => Promise<void> | void): RequestHandler =>
    (req, _res, next) => {
      if (req.auth?.user.role !== "organiser") return next();
      Promise.resolve()
        .then(() => check(req as Request & { auth: NonNullable<Request["auth"]> }))
        .then(() => next(), next);
    };
  return {
    event: guard((req) => checkEventOrganiser(ctx, req.auth.user, String(req.params.slug ?? ""))),
    currentFair: guard((req) => checkCurrentFairOrganiser(ctx, req.auth.user, requestEvent(req))),
    programme: guard((req) => checkProgrammeOrganiser(req.auth.user)),
  };
}
