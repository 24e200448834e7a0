import { publicFirms } from "../../domain/openData/publicFirms";
import { countStatistics } from "../../domain/openData/statistics";
import { INTERNATIONAL_STANDARDS } from "../../domain/planTargets";
import type { OpenDataContext, OpenDataSnapshot } from "./context";

/** Certifications and "today" are judged on Hanoi's calendar, where the programme runs. */
const HANOI_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * The public CNHT data: every event, every registration, every company and every held meeting read
 * once, the public firms picked and counted (consent governs: see publicFirms). Built once per
 * "companies" revision and shared by the statistics, the downloads, the firm pages and the sitemap.
 */
export async function openDataSnapshot(ctx: OpenDataContext): Promise<OpenDataSnapshot> {
  const revision = await ctx.repos.revisions.get("companies");
  return ctx.snapshots.get(revision, ctx.now().getTime(), () => buildSnapshot(ctx));
}

async function buildSnapshot({ repos, now }: OpenDataContext): Promise<OpenDataSnapshot> {
  const readAt = now();
  const events = await repos.fairs.list();
  const [registrations, companies, held] = await Promise.all([
    repos.participations.listForFairs(events.map((e) => e.id)),
    repos.companies.listAll(),
    repos.meetings.listHeld(),
  ]);
  const firms = publicFirms(companies, events, registrations);
  return {
    firms,
    byId: new Map(firms.map((f) => [f.id, f])),
    statistics: countStatistics(firms, events, held, HANOI_DAY.format(readAt), INTERNATIONAL_STANDARDS),
    readAt: readAt.toISOString(),
  };
}
