import { z } from "zod";
import { CHECK_IN_BATCH_MAX, CheckInBatchAnswerSchema, CheckInBatchBodySchema } from "@ketnoi/contracts";
import { defineEndpoint } from "../../http/endpoint";
import type { MeetingContext } from "../../commands/meetings/context";
import { checkInScans } from "../../commands/meetings/checkIn";
import { presentScanAnswer } from "../../presenters/checkIn";
import { organiserScope } from "../organiserScope";

/** The check-in desk's queue: scans made while the hall's network was down, sent when it is back. */
export function checkInEndpoints(ctx: MeetingContext) {
  const scope = organiserScope(ctx);
  return [
    defineEndpoint({
      method: "post",
      path: "/check-ins",
      summary:
        `Record scans of meetings' QR codes made earlier (a desk's queue, at most ${CHECK_IN_BATCH_MAX}): each is recorded as of ` +
        "its scan time when that lies within the meeting's window, answered per scan (recorded, already recorded, or refused " +
        "with its reason); 200 even when some are refused",
      tags: ["meetings"],
      access: ["organiser", "domestic", "vendor"],
      before: [scope.currentFair],
      request: { query: z.strictObject({}), body: CheckInBatchBodySchema },
      responses: { 200: { description: "One answer per scan, in the order sent", schema: CheckInBatchAnswerSchema } },
      handler: async ({ body, auth, locale }) => {
        const answers = await checkInScans(ctx, auth!.user, body.scans);
        const reading = { now: ctx.now(), locale };
        return { body: { answers: answers.map((a) => presentScanAnswer(a, reading)) } };
      },
    }),
  ];
}
