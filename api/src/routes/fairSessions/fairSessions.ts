import { z } from "zod";
import { defineEndpoint } from "../../http/endpoint";
import { AppError, notFound } from "../../errors";
import type { Repositories } from "../../repositories";

const params = z.strictObject({ id: z.string().regex(/^[0-9a-f]{24}$/, "not an id") });
const noQuery = z.strictObject({});

/** Participants register their company for seminars and presentations; registered sessions block meetings then. */
export function fairSessionEndpoints(repos: Repositories) {
  const companyOf = async (companyId: string | undefined, sessionId: string) => {
    if (!companyId) throw new AppError("forbidden");
    const session = await repos.fairSessions.findById(sessionId);
    const company = await repos.companies.findById(companyId);
    if (!session || !company || session.fairId !== company.fairId) throw notFound();
    return { session, company };
  };
  return [
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
