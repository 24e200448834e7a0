import type { Logger } from "pino";
import type { Repositories } from "./repositories";
import { dispatchOutbox, type MailTransport } from "./services/mail";
import type { MeetingContext } from "./commands/meetings/context";
import { expireRequests, sendReminders, sweepOrphanReservations } from "./commands/meetings/maintenance";
import { settleOnlineMeetings } from "./commands/live/onlineAttendance";

/**
 * Periodic work of an api process: sending queued mail, removing expired sessions (FerretDB has
 * no TTL indexes), lapsing unanswered meeting requests, meeting reminders, and freeing reservations
 * an interrupted booking left behind. Each run is idempotent, so several api processes may run them side by side.
 */
export function startBackgroundJobs(repos: Repositories, meetings: MeetingContext, transport: MailTransport, logger: Logger, now = () => new Date()) {
  const run = (name: string, task: () => Promise<unknown>) => () =>
    void task().catch((err: unknown) => logger.warn({ err, job: name }, "background job failed; will retry"));
  const timers = [
    setInterval(run("outbox", () => dispatchOutbox(repos.outbox, transport, now, logger)), 5_000),
    setInterval(run("expired-sessions", () => repos.sessions.deleteExpired(now())), 10 * 60_000),
    setInterval(run("expire-requests", () => expireRequests(meetings)), 60_000),
    setInterval(run("meeting-reminders", () => sendReminders(meetings)), 30_000),
    setInterval(run("orphan-reservations", () => sweepOrphanReservations(meetings, logger)), 5 * 60_000),
    setInterval(run("online-attendance", () => settleOnlineMeetings(meetings)), 60_000),
  ];
  return { stop: () => timers.forEach(clearInterval) };
}
