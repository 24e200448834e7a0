import express from "express";
import { z } from "zod";
import { ObjectIdSchema } from "@ketnoi/contracts";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { randomUUID } from "node:crypto";
import { mountEndpoints } from "./http/endpoint";
import { createOpenApiRegistry, mountOpenApi } from "./http/openapi";
import { rejectMongoOperators } from "./http/middleware/rejectMongoOperators";
import { errorHandler, unknownRoute } from "./http/middleware/errorHandler";
import { healthEndpoints } from "./routes/health/health";
import { fairEndpoints } from "./routes/fairs/fairs";
import { taxonomyEndpoints } from "./routes/taxonomy/taxonomy";
import { authEndpoints } from "./routes/auth/auth";
import { companyEndpoints } from "./routes/companies/companies";
import { meEndpoints } from "./routes/me/me";
import { userEndpoints } from "./routes/users/users";
import { fairSessionEndpoints } from "./routes/fairSessions/fairSessions";
import { interpreterEndpoints } from "./routes/interpreters/interpreters";
import { invitationEndpoints } from "./routes/invitations/invitations";
import { attachmentDownload, attachmentEndpoints } from "./routes/attachments/attachments";
import { authenticate } from "./http/middleware/authenticate";
import { expressTrustProxy } from "./http/trustProxy";
import type { Services } from "./composition";
import { createPassport } from "./http/passport";
import cookieParser from "cookie-parser";
import { meetingEndpoints } from "./routes/meetings/meetings";
import { calendarEndpoints } from "./routes/meetings/calendar";
import { notificationEndpoints } from "./routes/meetings/notifications";
import { checkInEndpoints } from "./routes/meetings/checkIns";
import { liveEndpoints, mountVideoWebhook } from "./routes/live/live";
import { boothEndpoints } from "./routes/booths/booths";
import { schedulerEndpoints } from "./routes/scheduler/scheduler";
import { matchingEndpoints } from "./routes/matching/matching";
import { auditEndpoints } from "./routes/audit/audit";
import { mailEndpoints } from "./routes/mail/mail";
import { badgeEndpoints } from "./routes/badges/badges";
import { leadEndpoints } from "./routes/leads/leads";
import { programmeEndpoints } from "./routes/programme/programme";
import { historyEndpoints } from "./routes/history/history";
import { openDataEndpoints } from "./routes/openData/openData";
import { publicPages } from "./routes/openData/publicPages";
import { proposalsForScheduler } from "./commands/matching/proposals";

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The api's Express app over a process's services: everything under /api, JSON in and out, one error shape. */
export function createApp(services: Services) {
  const { logger, repos, probes, publicOrigin, now, meetings, matching, live, limits, trustProxy } = services;
  const app = express();
  app.disable("x-powered-by");
  // Exactly the gateway: a client's own X-Forwarded-For entries are never believed (rate limits count by address).
  app.set("trust proxy", expressTrustProxy(trustProxy));
  app.set("query parser", "simple");

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
      autoLogging: { ignore: (req) => req.url === "/api/health" },
    }),
  );
  app.use(helmet({ contentSecurityPolicy: { directives: { "script-src": ["'self'"] } } }));

  const registry = createOpenApiRegistry();
  const api = express.Router();
  // Before the JSON parser: the webhook's signature covers the raw body.
  mountVideoWebhook(api, registry, live, logger);
  api.use(express.json({ limit: "1mb", strict: true }));
  api.use(cookieParser());
  api.use(rejectMongoOperators);
  // One read of every revision per request, shared by the caches it consults (see db/revisions).
  api.use((_req, _res, next) => repos.revisions.perRequest(next));
  // Before the session lookup: health answers (and names what is down) even when the database is away.
  mountEndpoints(api, registry, healthEndpoints(probes));
  api.use(authenticate(services.sessions, publicOrigin, now));
  const cookies = { secure: publicOrigin.startsWith("https://") };
  const passport = createPassport(repos, now);
  mountEndpoints(
    api,
    registry,
    [
      ...authEndpoints({ ctx: services.account, passport, limits, cookies }),
      ...invitationEndpoints(services.account, limits, cookies),
      ...fairEndpoints(services.fairs),
      ...taxonomyEndpoints(services.records),
      ...companyEndpoints(services.companies),
      ...meEndpoints(services.account, cookies),
      ...userEndpoints(services.records),
      ...fairSessionEndpoints(services.records),
      ...interpreterEndpoints(services.records),
      ...attachmentEndpoints(services.companies),
      ...meetingEndpoints(meetings, limits, publicOrigin),
      ...calendarEndpoints(meetings, publicOrigin),
      ...checkInEndpoints(meetings),
      ...notificationEndpoints(services.account),
      ...schedulerEndpoints(services.scheduler, (fairId, perCompany) => proposalsForScheduler(matching, fairId, perCompany)),
      ...matchingEndpoints(matching, meetings, limits),
      ...liveEndpoints(live, limits.realtimeToken),
      ...boothEndpoints(live, limits.boothChat),
      ...auditEndpoints(services.records),
      ...mailEndpoints(services.records),
      ...leadEndpoints(services.records),
      ...badgeEndpoints(services.badges),
      ...programmeEndpoints(services.programme),
      ...historyEndpoints(services.records),
      ...openDataEndpoints(services.openData, publicOrigin),
    ],
    (entry) => repos.audit.record(entry),
  );
  api.get("/attachments/:id", attachmentDownload(services.companies));
  registry.registerPath({
    method: "get",
    path: "/api/attachments/{id}",
    summary: "Download an attachment (whoever may see its company): the stored bytes with their checked type",
    tags: ["companies"],
    request: { params: z.strictObject({ id: ObjectIdSchema }) },
    responses: { 200: { description: "The file" }, 404: { description: "No such attachment, or not visible to you" } },
  });
  mountOpenApi(api, registry);
  app.use("/api", api);
  // The public firm pages, the sitemap and robots.txt: HTML for readers without JavaScript and search engines.
  app.use(publicPages(services.openData, publicOrigin));

  app.use(unknownRoute);
  app.use(errorHandler(logger));
  return app;
}
