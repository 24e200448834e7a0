import { companyName, pickText, type MeetingNotificationKind } from "@ketnoi/contracts";
import type { Logger } from "pino";
import type { Repositories } from "../repositories";
import type { MeetingRecord } from "../repositories/meetingRepository";
import type { UserRecord } from "../repositories/userRepository";
import type { CompanyRecord } from "../repositories/companyRepository";
import type { FairRecord } from "../repositories/fairRepository";
import type { InterpreterRecord } from "../repositories/interpreterRepository";
import type { EventPublisher } from "./events";
import { MAILED_KINDS, meetingMail, type MailedKind } from "./meetingMail";
import { layoutMail } from "./mailLayout";
import { meetingInvitation } from "./calendar";

/** Which meeting mails carry a calendar message, and which iTIP method. */
const CALENDAR_METHOD: Partial<Record<MailedKind, "REQUEST" | "CANCEL">> = {
  meeting_booked: "REQUEST",
  meeting_rescheduled: "REQUEST",
  meeting_cancelled: "CANCEL",
};

/** The meeting's two companies and fair (and its interpreter), when the caller has them already (a booking does): not read again. */
export interface MeetingParties {
  requester: CompanyRecord;
  recipient: CompanyRecord;
  fair: FairRecord;
  interpreter?: InterpreterRecord | null;
}

export interface MeetingNotifier {
  /** Tells everyone involved in the meeting but the one who acted: in the app, live, and by email for the kinds that warrant it. */
  meetingChanged(kind: MeetingNotificationKind, meeting: MeetingRecord, actorUserId?: string, parties?: MeetingParties): Promise<void>;
  /** Tells the members of these companies, once each, that the organisers published the fair's meeting plan. */
  schedulePublished(companyIds: string[], actorUserId: string, fairZone: string): Promise<void>;
}

/**
 * Notifications are stored first (the source of truth a reconnecting client reads), then pushed
 * through the event publisher and, for some kinds, queued as mail in the reader's language.
 */
export function createMeetingNotifier(repos: Repositories, events: EventPublisher, publicOrigin: string, logger: Logger): MeetingNotifier {
  // The invitations' ORGANIZER: the platform's no-reply address (no reply is expected: RSVP is off).
  const organizerAddress = `no-reply@${new URL(publicOrigin).hostname}`;
  return {
    async meetingChanged(kind, meeting, actorUserId, parties) {
      const [requester, recipient, fair] = parties
        ? [parties.requester, parties.recipient, parties.fair]
        : await Promise.all([
            repos.companies.findById(meeting.requesterId),
            repos.companies.findById(meeting.recipientId),
            repos.fairs.findById(meeting.fairId),
          ]);
      // Each reader sees the firms by the names for their language (a Vietnamese reader a Hanoi firm's legal name).
      const nameFor = (id: string, locale: string) => {
        const c = [requester, recipient].find((x) => x?.id === id);
        return c ? companyName(c, locale) : "";
      };
      const members = async (companyId: string) =>
        (await repos.users.listByCompany(companyId)).map((u) => ({
          user: u,
          counterpart: nameFor(companyId === meeting.requesterId ? meeting.recipientId : meeting.requesterId, u.locale),
        }));
      const readers: { user: UserRecord; counterpart: string }[] = (
        await Promise.all([members(meeting.requesterId), members(meeting.recipientId)])
      ).flat();
      let interpreterName: string | undefined;
      if (meeting.interpreterId) {
        const known = parties?.interpreter;
        const interpreter = known?.id === meeting.interpreterId ? known : await repos.interpreters.findById(meeting.interpreterId);
        interpreterName = interpreter?.name;
        const user = interpreter?.userId ? await repos.users.findById(interpreter.userId) : null;
        if (user) readers.push({ user, counterpart: `${nameFor(meeting.requesterId, user.locale)} – ${nameFor(meeting.recipientId, user.locale)}` });
      }
      const targets = readers.filter((r) => r.user.id !== actorUserId);
      const data = {
        status: meeting.status,
        ...(meeting.startsAt ? { start: meeting.startsAt.toISOString() } : {}),
        ...(meeting.table ? { table: meeting.table } : {}),
        ...(meeting.mode ? { mode: meeting.mode } : {}),
      };
      const stored = await repos.notifications.addMany(
        targets.map((t) => ({ userId: t.user.id, kind, meetingId: meeting.id, data: { ...data, counterpart: t.counterpart } })),
      );
      for (const n of stored)
        events.notify([n.userId], { id: n.id, kind: n.kind, meetingId: n.meetingId, data: n.data, createdAt: n.createdAt.toISOString() });
      if (!(MAILED_KINDS as readonly string[]).includes(kind)) return;
      for (const { user, counterpart } of targets) {
        const content = meetingMail(kind as MailedKind, user.locale, {
          counterpart,
          ...(meeting.startsAt ? { start: meeting.startsAt } : {}),
          ...(meeting.table ? { table: meeting.table } : {}),
          online: meeting.mode === "online",
          viewerZone: user.timeZone,
          fairZone: fair?.timeZone ?? "Asia/Ho_Chi_Minh",
          link: `${publicOrigin}/meetings/${meeting.id}`,
          // The words the side that countered or cancelled left (a note is cleared by an answer without one).
          ...(meeting.note && (kind === "meeting_countered" || kind === "meeting_cancelled") ? { note: meeting.note } : {}),
          fairChanged: kind === "meeting_cancelled" && meeting.cancelReason === "fair_change",
        });
        const method = CALENDAR_METHOD[kind as MailedKind];
        const invitation = method
          ? meetingInvitation(
              { meeting, counterpart, ...(interpreterName ? { interpreterName } : {}) },
              {
                method,
                locale: user.locale,
                venue: fair ? pickText(fair.venue, user.locale) : "",
                publicOrigin,
                organizer: organizerAddress,
                attendee: { name: user.name, email: user.email },
              },
            )
          : undefined;
        await repos.outbox.enqueue({
          to: user.email,
          template: kind,
          locale: user.locale,
          ...layoutMail(user.locale, content, publicOrigin),
          ...(method && invitation ? { calendar: { method, content: invitation } } : {}),
        });
      }
      logger.debug({ kind, meetingId: meeting.id, readers: targets.length }, "meeting notification sent");
    },
    async schedulePublished(companyIds, actorUserId, fairZone) {
      // Every member of every firm with meetings, in a few commands however many firms.
      const users = (await repos.users.listByCompanies(companyIds)).filter((u) => u.id !== actorUserId);
      const stored = await repos.notifications.addMany(users.map((u) => ({ userId: u.id, kind: "schedule_published", data: {} })));
      for (const n of stored) events.notify([n.userId], { id: n.id, kind: n.kind, data: n.data, createdAt: n.createdAt.toISOString() });
      await repos.outbox.enqueueMany(
        users.map((u) => {
          const content = meetingMail("schedule_published", u.locale, {
            counterpart: "",
            viewerZone: u.timeZone,
            fairZone,
            link: `${publicOrigin}/agenda`,
          });
          return { to: u.email, template: "schedule_published", locale: u.locale, ...layoutMail(u.locale, content, publicOrigin) };
        }),
      );
    },
  };
}
