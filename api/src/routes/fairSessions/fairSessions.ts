import { z } from "zod";
import { FairSessionRequestSchema, FairSessionViewSchema, ObjectIdSchema, type Locale, type LocalizedText } from "@ketnoi/contracts";
import { presentFairSession } from "../../presenters/fairSession";
import { checkSessionTimes } from "../../domain/fairSetupRules";
import { defineEndpoint } from "../../http/endpoint";
import { randomUUID } from "node:crypto";
import { AppError, notFound, validationFailed } from "../../errors";
import type { Repositories } from "../../repositories";

const params = z.strictObject({ id: ObjectIdSchema });
const noQuery = z.strictObject({});
/** A room sent as one string (as before rooms were localisable) is the text in the caller's language. */
const roomText = (room: string | LocalizedText, locale: Locale): LocalizedText => (typeof room === "string" ? { [locale]: room } : room);

/** Participants register their company for seminars and presentations; registered sessions block meetings then. */
export function fairSessionEndpoints(repos: Repositories, now: () => Date) {
  const companyOf = async (companyId: string | undefined, sessionId: string) => {
    if (!companyId) throw new AppError("forbidden");
    const session = await repos.fairSessions.findById(sessionId);
    const company = await repos.companies.findById(companyId);
    if (!session || !company || session.fairId !== company.fairId) throw notFound();
    return { session, company };
  };
  const fairOf = async (fairId: string) => {
    const fair = await repos.fairs.findById(fairId);
    if (!fair) throw notFound();
    return fair;
  };
  return [
    defineEndpoint({
      method: "post",
      path: "/fair-sessions",
      summary: "Add a seminar, presentation, ceremony or matchmaking round to the current fair (organisers)",
      tags: ["fair sessions"],
      access: ["organiser"],
      request: { query: noQuery, body: FairSessionRequestSchema },
      responses: { 201: { description: "Created", schema: FairSessionViewSchema } },
      handler: async ({ body, locale }) => {
        const fair = await repos.fairs.findCurrent(now());
        if (!fair) throw notFound();
        const bad = checkSessionTimes(fair, body.startsAt, body.endsAt);
        if (Object.keys(bad).length) throw validationFailed(bad);
        const created = await repos.fairSessions.create({ ...body, room: roomText(body.room, locale), fairId: fair.id, key: `session:${randomUUID()}` });
        return { status: 201, body: presentFairSession(created) };
      },
    }),
    defineEndpoint({
      method: "patch",
      path: "/fair-sessions/:id",
      summary: "Change a fair session; capacity cannot drop below the firms registered (organisers)",
      tags: ["fair sessions"],
      access: ["organiser"],
      request: { params, query: noQuery, body: FairSessionRequestSchema.partial() },
      responses: { 200: { description: "Updated", schema: FairSessionViewSchema } },
      handler: async ({ params: p, body, locale }) => {
        const session = await repos.fairSessions.findById(p.id);
        if (!session) throw notFound();
        const bad = checkSessionTimes(await fairOf(session.fairId), body.startsAt ?? session.startsAt, body.endsAt ?? session.endsAt);
        if (Object.keys(bad).length) throw validationFailed(bad);
        if (body.capacity !== undefined && body.capacity < (await repos.fairSessions.countRegistrations(p.id)))
          throw new AppError("conflict", { capacity: "belowRegistrations" });
        const { room, ...rest } = body;
        const updated = await repos.fairSessions.update(p.id, room === undefined ? rest : { ...rest, room: roomText(room, locale) });
        if (!updated) throw notFound();
        return { body: presentFairSession(updated) };
      },
    }),
    defineEndpoint({
      method: "delete",
      path: "/fair-sessions/:id",
      summary: "Remove a fair session and its registrations (organisers)",
      tags: ["fair sessions"],
      access: ["organiser"],
      request: { params, query: noQuery },
      responses: { 204: { description: "Removed" } },
      handler: async ({ params: p }) => {
        if (!(await repos.fairSessions.delete(p.id))) throw notFound();
        return {};
      },
    }),
    defineEndpoint({
      method: "post",
      path: "/fair-sessions/:id/registrations",
      summary: "Register my company for a fair session (capacity enforced); it then blocks meetings at that time",
      tags: ["fair sessions"],
      access: ["domestic", "vendor"],
      request: { params, query: noQuery, body: z.strictObject({}) },
      responses: { 201: { description: "Registered" }, 200: { description: "Was already registered" } },
      handler: async ({ params: p, auth }) => {
        const { company } = await companyOf(auth!.user.companyId, p.id);
        const result = await repos.fairSessions.register(p.id, company.id);
        if (result === "full") throw new AppError("conflict", { session: "sessionFull" });
        return { status: result === "registered" ? 201 : 200, body: { registered: true } };
      },
    }),
    defineEndpoint({
      method: "delete",
      path: "/fair-sessions/:id/registrations",
      summary: "Withdraw my company from a fair session",
      tags: ["fair sessions"],
      access: ["domestic", "vendor"],
      request: { params, query: noQuery },
      responses: { 204: { description: "Withdrawn" } },
      handler: async ({ params: p, auth }) => {
        const { company } = await companyOf(auth!.user.companyId, p.id);
        if (!(await repos.fairSessions.unregister(p.id, company.id))) throw notFound();
        return {};
      },
    }),
  ];
}
