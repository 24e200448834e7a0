import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import type { MeetingContext } from "../../commands/meetings/context";
import { agendaIcs, createCalendarFeed, feedOwner } from "../../commands/meetings/calendarFeed";

const noQuery = z.strictObject({});
const ICS = "text/calendar; charset=utf-8";

/** The agenda as iCalendar: a download for the signed-in user, and a secret feed URL calendars subscribe to. */
export function calendarEndpoints(ctx: MeetingContext, publicOrigin: string) {
  return [
    defineEndpoint({
      method: "get",
      path: "/me/agenda.ics",
      summary: "My meetings as an iCalendar file",
      tags: ["meetings"],
      access: "signedIn",
      request: { query: noQuery },
      responses: { 200: { description: "text/calendar" } },
      handler: async ({ auth }) => ({
        raw: { contentType: ICS, data: await agendaIcs(ctx, auth!.user, publicOrigin), filename: "ketnoi-agenda.ics" },
      }),
    }),
    defineEndpoint({
      method: "post",
      path: "/me/calendar-feed",
      summary: "Create my secret calendar-feed URL (replacing any earlier one, which stops working)",
      tags: ["meetings"],
      access: "signedIn",
      request: { query: noQuery, body: z.strictObject({}) },
      responses: { 201: { description: "The feed URL, shown once", schema: z.object({ url: z.url() }) } },
      handler: async ({ auth }) => ({ status: 201, body: await createCalendarFeed(ctx, auth!.user, publicOrigin) }),
    }),
    defineEndpoint({
      method: "get",
      path: "/calendar/:token.ics",
      summary: "A calendar feed by its secret URL (what calendar apps subscribe to)",
      tags: ["meetings"],
      access: "public",
      request: { params: z.strictObject({ token: z.string().max(64) }), query: noQuery },
      responses: { 200: { description: "text/calendar" } },
      handler: async ({ params: p }) => ({ raw: { contentType: ICS, data: await agendaIcs(ctx, await feedOwner(ctx, p.token), publicOrigin) } }),
    }),
  ];
}
