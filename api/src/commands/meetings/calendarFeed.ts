import { companyName, pickText } from "@ketnoi/contracts";
import { createHash, randomBytes } from "node:crypto";
import { notFound } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { agendaCalendar, type CalendarEntry } from "../../services/calendar";
import { meetingsFor } from "./viewMeetings";
import type { MeetingContext } from "./context";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Creates (or replaces) the user's secret feed URL; the token is shown this once and stored hashed. */
export async function createCalendarFeed(ctx: MeetingContext, user: UserRecord, publicOrigin: string) {
  const token = randomBytes(32).toString("base64url");
  await ctx.repos.calendarFeeds.replace(user.id, hash(token));
  return { url: `${publicOrigin}/api/calendar/${token}.ics` };
}

/** The user whose feed this token opens; 404 for anything else (a feed URL opens that feed and nothing more). */
export async function feedOwner(ctx: MeetingContext, token: string) {
  const userId = FEED_TOKEN.test(token) ? await ctx.repos.calendarFeeds.userIdFor(hash(token)) : null;
  const user = userId ? await ctx.repos.users.findById(userId) : null;
  if (!user) throw notFound();
  return user;
}

/** The user's booked, held and cancelled meetings as iCalendar text, in the user's language. */
export async function agendaIcs(ctx: MeetingContext, user: UserRecord, publicOrigin: string) {
  const list = await meetingsFor(ctx, user, undefined);
  const meetings = list.meetings.filter((m) => m.startsAt && ["booked", "held", "no_show", "cancelled"].includes(m.status));
  // A firm in several events: each meeting is at its own event's venue.
  const fairs = new Map(
    (await Promise.all([...new Set(meetings.map((m) => m.fairId))].map((id) => ctx.repos.fairs.findById(id)))).flatMap((f) => (f ? [[f.id, f]] : [])),
  );
  const fair = meetings[0] ? fairs.get(meetings[0].fairId) : await ctx.repos.fairs.findCurrent(ctx.now());
  const nameOf = (id: string) => {
    const c = list.companies.get(id);
    return c ? companyName(c, user.locale) : "";
  };
  const entries: CalendarEntry[] = meetings.map((m) => {
    const counterpart =
      user.companyId === m.requesterId
        ? nameOf(m.recipientId)
        : user.companyId === m.recipientId
          ? nameOf(m.requesterId)
          : `${nameOf(m.requesterId)} – ${nameOf(m.recipientId)}`;
    const interpreterName = m.interpreterId ? list.interpreters.get(m.interpreterId)?.name : undefined;
    const venue = fairs.get(m.fairId)?.venue;
    return { meeting: m, counterpart, ...(interpreterName ? { interpreterName } : {}), ...(venue ? { venue: pickText(venue, user.locale) } : {}) };
  });
  return agendaCalendar(entries, {
    name: (fair && pickText(fair.name, user.locale)) || "Ketnoi",
    locale: user.locale,
    venue: fair ? pickText(fair.venue, user.locale) : "",
    publicOrigin,
  });
}
