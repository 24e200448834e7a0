import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Repositories } from "./repositories";
import type { HealthProbe } from "./services/health";
import { createMeetingNotifier } from "./services/meetingNotifier";
import { noEventPublisher, type EventPublisher } from "./services/events";
import type { MeetingContext, MeetingSettings } from "./commands/meetings/context";
import type { LiveContext } from "./commands/live/context";
import type { CommandContext } from "./commands/context";
import type { FairContext } from "./commands/fairs/context";
import type { SchedulerContext } from "./commands/scheduler/context";
import type { MatchingContext } from "./commands/matching/recommendations";
import type { CompanyContext } from "./commands/companies/context";
import type { AccountContext } from "./commands/auth/context";
import type { BadgeContext } from "./commands/badges/context";
import type { ProgrammeContext } from "./commands/programme/context";
import type { OpenDataContext, OpenDataSnapshot } from "./commands/openData/context";
import { createRevisionCache } from "./services/revisionCache";
import type { VideoService } from "./services/livekit";
import type { RedisClient } from "./services/redis";
import { createMatchingService } from "./services/matching";
import { createDirectoryService, type DirectoryService } from "./services/directory";
import type { DirectorySnapshot } from "./services/directorySnapshot";
import { createSessionCache, type SessionCache } from "./services/sessionCache";
import { inProcessSolver, type SolverRunner } from "./services/solverRunner";
import { createRateLimits, type RateLimits } from "./http/rateLimits";
import { TRUST_LOOPBACK_GATEWAY, type TrustProxy } from "./http/trustProxy";
import { createBadgePrinter } from "./services/badgePdf/badgePdf";
import { BADGE_FONT_FILES, badgeFontsOnce, type BadgeFontFiles } from "./services/badgePdf/fonts";
import { createProgrammeReportPrinter } from "./services/programmeReport/reportPdf";

/** What a process is made of: the outside world it was given (database, Redis, LiveKit, clock). */
export interface CompositionDeps {
  logger: Logger;
  repos: Repositories;
  probes: HealthProbe[];
  /** The origin browsers use; writes from elsewhere are refused, cookies are Secure when it is https. */
  publicOrigin: string;
  now?: () => Date;
  /** Where live notifications go (the realtime service through Redis); none by default. */
  events?: EventPublisher;
  meetingSettings?: MeetingSettings;
  /** Where the auto-scheduler's solver runs (a worker thread in the server; in process by default). */
  solver?: SolverRunner;
  /** LiveKit: tokens, rooms and webhooks; without it the video endpoints answer 503. */
  video?: VideoService;
  /** Signs realtime handshake tokens and room tickets (shared with the realtime service); random when absent. */
  realtimeSecret?: string;
  /** Who may report a client's address (TRUST_PROXY); the gateway on loopback by default. */
  trustProxy?: TrustProxy;
  /** Rate-limit counters shared by every api process; without it each process counts in its memory. */
  redis?: RedisClient;
  /** The prefix of those counters' Redis keys (tests use their own). */
  rateLimitPrefix?: string;
  /** The directory's copy on this host's disk, read at start-up (main.ts: in CACHE_DIR); none by default. */
  directorySnapshot?: DirectorySnapshot;
  /** Where the fonts badges are printed in are (Debian's fonts-dejavu-core and fonts-noto-cjk by default). */
  badgeFonts?: BadgeFontFiles;
}

/** Every service and command context of one api process, built once and shared by the routes and the background jobs. */
export interface Services {
  logger: Logger;
  repos: Repositories;
  probes: HealthProbe[];
  publicOrigin: string;
  now: () => Date;
  events: EventPublisher;
  meetings: MeetingContext;
  matching: MatchingContext;
  /** The repositories and the clock: what the plain record commands (users, sessions, interpreters, audit...) take. */
  records: CommandContext;
  fairs: FairContext;
  scheduler: SchedulerContext;
  companies: CompanyContext;
  account: AccountContext;
  live: LiveContext;
  badges: BadgeContext;
  /** The year's programme targets, progress and the report to the People's Committee. */
  programme: ProgrammeContext;
  /** The public CNHT data, its snapshot cached per companies revision (five minutes at most). */
  openData: OpenDataContext;
  directory: DirectoryService;
  /** Signed-in sessions kept in this process, forgotten at any sign-out or account change in any process. */
  sessions: SessionCache;
  solver: SolverRunner;
  limits: RateLimits;
  trustProxy: TrustProxy;
}

export const DEFAULT_MEETING_SETTINGS: MeetingSettings = { requestTtlHours: 72, reminderMinutes: 15 };

/** The context meeting commands run in (the seed and tests build one on its own, without the rest of a process). */
export function createMeetingContext(
  repos: Repositories,
  logger: Logger,
  publicOrigin: string,
  opts: { events?: EventPublisher; settings?: MeetingSettings; now?: () => Date } = {},
): MeetingContext {
  return {
    repos,
    notifier: createMeetingNotifier(repos, opts.events ?? noEventPublisher, publicOrigin, logger),
    now: opts.now ?? (() => new Date()),
    settings: opts.settings ?? DEFAULT_MEETING_SETTINGS,
  };
}

/** The composition root: called once per process (by `main.ts`, a test app or a benchmark). */
export function composeServices(deps: CompositionDeps): Services {
  const { logger, repos, probes, publicOrigin, now = () => new Date(), redis, rateLimitPrefix } = deps;
  const events = deps.events ?? noEventPublisher;
  const meetings = createMeetingContext(repos, logger, publicOrigin, {
    events,
    now,
    ...(deps.meetingSettings ? { settings: deps.meetingSettings } : {}),
  });
  const matching: MatchingContext = { repos, now, matching: createMatchingService(repos, now) };
  const directory = createDirectoryService(repos, deps.directorySnapshot);
  const solver = deps.solver ?? inProcessSolver;
  // Badges and the programme report print in the same fonts, read once per process.
  const fonts = badgeFontsOnce(deps.badgeFonts ?? BADGE_FONT_FILES, (err) => logger.error({ files: err.files }, err.message));
  return {
    logger,
    repos,
    probes,
    publicOrigin,
    now,
    events,
    meetings,
    matching,
    records: { repos, now },
    fairs: { repos, now, meetings, directory },
    scheduler: { ...meetings, solver },
    companies: { ...matching, directory, publicOrigin, now },
    account: { repos, events, directory, publicOrigin, now },
    live: { meetings, events, video: deps.video, realtimeSecret: deps.realtimeSecret ?? randomBytes(32).toString("hex") },
    badges: {
      repos,
      now,
      publicOrigin,
      printer: createBadgePrinter(fonts),
    },
    programme: { repos, now, reportPrinter: createProgrammeReportPrinter(fonts) },
    openData: { repos, now, snapshots: createRevisionCache<OpenDataSnapshot>(5 * 60_000) },
    directory,
    sessions: createSessionCache(repos),
    solver,
    limits: createRateLimits({ ...(redis ? { redis } : {}), ...(rateLimitPrefix ? { prefix: rateLimitPrefix } : {}) }),
    trustProxy: deps.trustProxy ?? TRUST_LOOPBACK_GATEWAY,
  };
}
