import { z } from "zod";
import QRCode from "qrcode";
import {
  MeetingAcceptBodySchema,
  MeetingCancelBodySchema,
  MeetingCheckInBodySchema,
  MeetingCheckInLinkSchema,
  MeetingCounterBodySchema,
  MeetingDeclineBodySchema,
  MeetingListQuerySchema,
  MeetingNoShowBodySchema,
  MeetingOutcomeBodySchema,
  MeetingRequestBodySchema,
  MeetingRescheduleBodySchema,
  MeetingViewSchema,
  ObjectIdSchema,
  SlotViewSchema,
  type Locale,
} from "@ketnoi/contracts";
import { defineEndpoint, type EndpointInput } from "../../http/endpoint";
import type { RateLimits } from "../../http/rateLimits";
import type { MeetingContext } from "../../commands/meetings/context";
import type { MeetingDetails } from "../../commands/meetings/parties";
import type { AuthContext } from "../../auth/context";
import { requestMeeting } from "../../commands/meetings/requestMeeting";
import { acceptMeeting, counterMeeting, declineMeeting } from "../../commands/meetings/answerMeeting";
import { cancelMeeting, rescheduleMeeting } from "../../commands/meetings/changeBooking";
import { checkInLink, recordOutcome, reportNoShow } from "../../commands/meetings/attendance";
import { checkInMeeting } from "../../commands/meetings/checkIn";
import { meetingsFor, showMeeting, slotsToMeet } from "../../commands/meetings/viewMeetings";
import { presentCheckInLink, presentMeetingDetails, presentMeetings } from "../../presenters/meeting";
import { organiserScope } from "../organiserScope";

const params = z.strictObject({ id: ObjectIdSchema });
const noQuery = z.strictObject({});
const PARTIES = ["domestic", "vendor"] as const;
const tags = ["meetings"];

/** Meetings: request, book, answer, move, cancel, check in, record outcomes. Every command checks its policy. */
export function meetingEndpoints(ctx: MeetingContext, limits: RateLimits, publicOrigin: string) {
  const scope = organiserScope(ctx);
  const reading = (locale: Locale) => ({ now: ctx.now(), locale });
  /** A change to one meeting: its body's type flows from the schema to the command, and the answer is the meeting as the command left it. */
  const answer = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (user: AuthContext["user"], id: string, body: EndpointInput<typeof params, typeof noQuery, B>["body"]) => Promise<MeetingDetails>,
    access: readonly ("organiser" | "domestic" | "vendor")[] = PARTIES,
  ) =>
    defineEndpoint({
      method: "post",
      path: `/meetings/:id/${path}`,
      summary,
      tags,
      access,
      request: { params, query: noQuery, body },
      responses: { 200: { description: "The meeting after the change", schema: MeetingViewSchema } },
      handler: async ({ params: p, body: b, auth, locale }) => ({ body: presentMeetingDetails(await run(auth!.user, p.id, b), reading(locale)) }),
    });
  return [
    defineEndpoint({
      method: "post",
      path: "/meetings",
      summary: "Ask a company to meet (a request it answers), or book a slot both sides have free at once (409 with alternatives when it is taken)",
      tags,
      access: PARTIES,
      before: [limits.meetingRequests],
      request: { query: noQuery, body: MeetingRequestBodySchema },
      responses: { 201: { description: "Requested or booked", schema: MeetingViewSchema } },
      handler: async ({ body, auth, locale, event }) => ({
        status: 201,
        body: presentMeetingDetails(await requestMeeting(ctx, auth!.user, event, body), reading(locale)),
      }),
    }),
    defineEndpoint({
      method: "get",
      path: "/meetings",
      summary: "My company's meetings (an interpreter's assignments; for organisers, the current fair's)",
      tags,
      access: "signedIn",
      request: { query: MeetingListQuerySchema },
      responses: { 200: { description: "Meetings by start time", schema: z.array(MeetingViewSchema) } },
      handler: async ({ query, auth, locale, event }) => ({
        body: presentMeetings(await meetingsFor(ctx, auth!.user, event, query), reading(locale)),
      }),
    }),
    defineEndpoint({
      method: "get",
      path: "/meetings/slots",
      summary: "Slots my company and another could meet in, with nothing booked for either",
      tags,
      access: PARTIES,
      request: { query: z.strictObject({ with: params.shape.id }) },
      responses: { 200: { description: "Free common slots in time order", schema: z.array(SlotViewSchema) } },
      handler: async ({ query, auth, event }) => ({ body: await slotsToMeet(ctx, auth!.user, event, query.with) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/meetings/:id",
      summary: "One meeting (its parties, its interpreter and organisers)",
      tags,
      access: "signedIn",
      request: { params, query: noQuery },
      responses: { 200: { description: "The meeting", schema: MeetingViewSchema } },
      handler: async ({ params: p, auth, locale }) => ({ body: presentMeetingDetails(await showMeeting(ctx, auth!.user, p.id), reading(locale)) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/meetings/:id/check-in-code",
      summary: "The meeting's QR code (SVG) that is scanned at the table to record it as held (parties and organisers)",
      tags,
      access: ["organiser", ...PARTIES],
      before: [scope.currentFair],
      request: { params, query: noQuery },
      responses: { 200: { description: "An SVG image" } },
      handler: async ({ params: p, auth }) => {
        const url = await checkInLink(ctx, auth!.user, p.id, publicOrigin);
        return { raw: { contentType: "image/svg+xml", data: await QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" }) } };
      },
    }),
    defineEndpoint({
      method: "get",
      path: "/meetings/:id/check-in-link",
      summary: "The address the meeting's QR code holds, as JSON, so the client draws the code itself (also offline; parties and organisers)",
      tags,
      access: ["organiser", ...PARTIES],
      before: [scope.currentFair],
      request: { params, query: noQuery },
      responses: { 200: { description: "The check-in address", schema: MeetingCheckInLinkSchema } },
      handler: async ({ params: p, auth, res }) => {
        const url = await checkInLink(ctx, auth!.user, p.id, publicOrigin);
        res.set("Cache-Control", "private, no-store"); // the link is the code's secret: like the SVG, never in the browser's HTTP cache
        return { body: presentCheckInLink(url) };
      },
    }),
    answer(
      "accept",
      "Accept a request in a slot of my choosing, or a counter-proposal in its slot: the meeting is booked",
      MeetingAcceptBodySchema,
      (u, id, b) => acceptMeeting(ctx, u, id, b),
    ),
    answer("decline", "Decline a request or counter-proposal, with a reason", MeetingDeclineBodySchema, (u, id, b) => declineMeeting(ctx, u, id, b)),
    answer("counter", "Propose another slot instead", MeetingCounterBodySchema, (u, id, b) => counterMeeting(ctx, u, id, b)),
    answer(
      "cancel",
      "Cancel a booked meeting or withdraw a request (either party or an organiser)",
      MeetingCancelBodySchema,
      (u, id, b) => cancelMeeting(ctx, u, id, b),
      ["organiser", ...PARTIES],
    ),
    answer(
      "reschedule",
      "Move a booked meeting to another slot (either party or an organiser)",
      MeetingRescheduleBodySchema,
      (u, id, b) => rescheduleMeeting(ctx, u, id, b),
      ["organiser", ...PARTIES],
    ),
    answer(
      "check-in",
      "Record an onsite meeting as held by the code of its QR code",
      MeetingCheckInBodySchema,
      (u, id, b) => checkInMeeting(ctx, u, id, b),
      ["organiser", ...PARTIES],
    ),
    answer("no-show", "Record that a party did not come", MeetingNoShowBodySchema, (u, id, b) => reportNoShow(ctx, u, id, b), [
      "organiser",
      ...PARTIES,
    ]),
    answer("outcome", "Record what came of the meeting for my company", MeetingOutcomeBodySchema, (u, id, b) => recordOutcome(ctx, u, id, b)),
  ];
}
