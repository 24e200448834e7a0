import { AppError, notFound } from "../../errors";
import type { CommandContext } from "../context";

/** The signed-in member's company and the session, which must belong to the same fair. */
async function companyAndSession({ repos }: CommandContext, companyId: string | undefined, sessionId: string) {
  if (!companyId) throw new AppError("forbidden");
  const session = await repos.fairSessions.findById(sessionId);
  const company = await repos.companies.findById(companyId);
  if (!session || !company || session.fairId !== company.fairId) throw notFound();
  return { session, company };
}

/** A firm registers for a session (capacity enforced); the session then blocks its meetings at that time. */
export async function registerForSession(ctx: CommandContext, companyId: string | undefined, sessionId: string): Promise<"registered" | "already"> {
  const { company } = await companyAndSession(ctx, companyId, sessionId);
  const result = await ctx.repos.fairSessions.register(sessionId, company.id);
  if (result === "full") throw new AppError("conflict", { session: "sessionFull" });
  return result;
}

/** A firm withdraws from a session it registered for. */
export async function withdrawFromSession(ctx: CommandContext, companyId: string | undefined, sessionId: string): Promise<void> {
  const { company } = await companyAndSession(ctx, companyId, sessionId);
  if (!(await ctx.repos.fairSessions.unregister(sessionId, company.id))) throw notFound();
}
