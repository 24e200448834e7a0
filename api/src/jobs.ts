import type { Logger } from "pino";
import { createClient } from "redis";
import { Queue, Worker, createNodeRedisClient, type Job } from "bullmq";
import type { Repositories } from "./repositories";
import type { MeetingContext } from "./commands/meetings/context";
import { expireRequests, sendReminders, sweepOrphanReservations } from "./commands/meetings/maintenance";
import { settleOnlineMeetings } from "./commands/live/onlineAttendance";
import type { MailTransport } from "./services/mailTransport";
import { deliverOutboxMessage, MAIL_ATTEMPTS, MAIL_BACKOFF_MS, sendWaitingMail } from "./services/mailDelivery";

/** The periodic work of the api, each task with how often it runs. */
function periodicTasks(repos: Repositories, meetings: MeetingContext, logger: Logger, now: () => Date) {
  return {
    // FerretDB has no TTL indexes: expired sessions are deleted here.
    "expired-sessions": { everyMs: 10 * 60_000, run: () => repos.sessions.deleteExpired(now()) },
    "expire-requests": { everyMs: 60_000, run: () => expireRequests(meetings) },
    "meeting-reminders": { everyMs: 30_000, run: () => sendReminders(meetings) },
    "orphan-reservations": { everyMs: 5 * 60_000, run: () => sweepOrphanReservations(meetings, logger) },
    "online-attendance": { everyMs: 60_000, run: () => settleOnlineMeetings(meetings) },
  } satisfies Record<string, { everyMs: number; run: () => Promise<unknown> }>;
}

export interface BackgroundJobs {
  stop(): Promise<void>;
}

/**
 * With Redis, the background work runs on BullMQ queues shared by every api process:
 * - "mail": one job per outbox message (its id is the job id, so a message is one job however many
 *   processes sweep the outbox); a worker holds the job's lease while it sends, failures back off
 *   exponentially and the message is given up after MAIL_ATTEMPTS with the reason recorded;
 * - "periodic": one job scheduler per task; each tick runs in exactly one process.
 * Without Redis the api is taken to run alone and plain timers do the same work.
 */
export function startBackgroundJobs(opts: {
  repos: Repositories;
  meetings: MeetingContext;
  transport: MailTransport;
  logger: Logger;
  redisUrl?: string;
  now?: () => Date;
}): BackgroundJobs {
  const { repos, meetings, transport, logger, redisUrl, now = () => new Date() } = opts;
  const tasks = periodicTasks(repos, meetings, logger, now);
  const report = (name: string) => (err: unknown) =>
    logger.warn({ err: (err as Error)?.message ?? err, job: name }, "background job failed; will retry");

  if (!redisUrl) {
    const timers = [
      setInterval(() => void sendWaitingMail(repos.outbox, transport, now, logger).catch(report("mail")), 2_000),
      ...Object.entries(tasks).map(([name, t]) => setInterval(() => void t.run().catch(report(name)), t.everyMs)),
    ];
    return { stop: async () => timers.forEach(clearInterval) };
  }

  const connection = () =>
    createNodeRedisClient(createClient({ url: redisUrl, socket: { connectTimeout: 2000, reconnectStrategy: (n) => Math.min(100 * 2 ** n, 3000) } }));
  const mail = new Queue("mail", {
    connection: connection(),
    defaultJobOptions: {
      attempts: MAIL_ATTEMPTS,
      backoff: { type: "exponential", delay: MAIL_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  const mailWorker = new Worker("mail", (job: Job<{ id: string }>) => deliverOutboxMessage(repos.outbox, transport, job.data.id, now), {
    connection: connection(),
    concurrency: 4,
  });
  mailWorker.on("failed", (job, err) => {
    if (!job) return;
    if (job.attemptsMade >= MAIL_ATTEMPTS)
      void repos.outbox.markGivenUp(job.data.id, `gave up after ${MAIL_ATTEMPTS} attempts: ${err.message}`, now()).catch(report("mail"));
    else logger.warn({ err: err.message, attempt: job.attemptsMade }, "mail not sent; will retry");
  });

  // The outbox is the source of truth: messages written by any process (or while Redis was away)
  // become jobs here. Adding a job whose id exists already does nothing.
  const sweepOutbox = async () => {
    for (const m of await repos.outbox.listWaiting(500)) await mail.add("send", { id: m.id }, { jobId: m.id });
  };
  const periodic = new Queue("periodic", { connection: connection() });
  const all = { "outbox-sweep": { everyMs: 2_000, run: sweepOutbox }, ...tasks } as Record<string, { everyMs: number; run: () => Promise<unknown> }>;
  const periodicWorker = new Worker(
    "periodic",
    async (job) => {
      const task = all[job.name];
      if (task) await task.run();
    },
    { connection: connection(), concurrency: 2 },
  );
  periodicWorker.on("failed", (job, err) => report(job?.name ?? "periodic")(err));
  for (const worker of [mailWorker, periodicWorker]) worker.on("error", report("queue"));
  for (const queue of [mail, periodic]) queue.on("error", report("queue"));
  void Promise.all(
    Object.entries(all).map(([name, t]) =>
      periodic.upsertJobScheduler(name, { every: t.everyMs }, { name, opts: { removeOnComplete: 100, removeOnFail: 100 } }),
    ),
  ).catch(report("schedulers"));

  return {
    async stop() {
      await Promise.allSettled([mailWorker.close(), periodicWorker.close()]);
      await Promise.allSettled([mail.close(), periodic.close()]);
    },
  };
}
