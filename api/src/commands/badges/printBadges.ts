import type { BadgeLayout, FairBadgesQuery, UserRole } from "@ketnoi/contracts";
import { AppError, validationFailed } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import type { BadgeCard, BadgeRun } from "../../services/badgePdf/badgePdf";
import { BadgeFontsMissing } from "../../services/badgePdf/fonts";
import { badgeCard, badgeRun, type Participant } from "./badgeCards";
import type { BadgeContext } from "./context";
import { eventFor } from "../events/eventInContext";

export interface BadgePdf {
  pdf: Buffer;
  filename: string;
}

/** People without a firm come first (organisers, then interpreters), then each firm's staff together, as they are handed out. */
const ROLE_ORDER: Record<UserRole, number> = { organiser: 0, interpreter: 1, domestic: 2, vendor: 2 };
const byDesk = (a: Participant, b: Participant) =>
  ROLE_ORDER[a.user.role] - ROLE_ORDER[b.user.role] ||
  (a.company?.legalName ?? "").localeCompare(b.company?.legalName ?? "", "vi") ||
  a.user.name.localeCompare(b.user.name, "vi");

/**
 * Who takes part in a fair in person: the staff of its approved firms, its interpreters who have an
 * account, and the organisers (who run the hall). Firms still waiting for approval get no badges.
 */
async function fairParticipants(ctx: BadgeContext, fairId: string): Promise<Participant[]> {
  const { repos } = ctx;
  const [users, interpreters] = await Promise.all([repos.users.listAll(), repos.interpreters.listForFair(fairId)]);
  const companyIds = [...new Set(users.flatMap((u) => (u.companyId ? [u.companyId] : [])))];
  const companies = new Map(
    (await repos.companies.findByIds(companyIds)).filter((c) => c.fairId === fairId && c.status === "approved").map((c) => [c.id, c]),
  );
  const fairInterpreters = new Set(interpreters.flatMap((i) => (i.userId ? [i.userId] : [])));
  return users.flatMap((user): Participant[] => {
    if (user.role === "organiser") return [{ user }];
    if (user.role === "interpreter") return fairInterpreters.has(user.id) ? [{ user }] : [];
    const company = user.companyId ? companies.get(user.companyId) : undefined;
    return company ? [{ user, company }] : [];
  });
}

async function print(ctx: BadgeContext, run: BadgeRun, cards: BadgeCard[], layout: BadgeLayout) {
  try {
    return await ctx.printer.print(run, cards, layout);
  } catch (err) {
    if (err instanceof BadgeFontsMissing) throw new AppError("service_unavailable", { fonts: "badgeFontsMissing" });
    throw err;
  }
}

/** The badges of the event in context (organisers), all or one role's or one firm's, as A6 pages or A4 sheets of four. */
export async function printFairBadges(ctx: BadgeContext, user: UserRecord, event: string | undefined, query: FairBadgesQuery): Promise<BadgePdf> {
  const fair = await eventFor(ctx, user, event);
  const people = (await fairParticipants(ctx, fair.id))
    .filter((p) => (!query.role || p.user.role === query.role) && (!query.companyId || p.company?.id === query.companyId))
    .sort(byDesk);
  if (!people.length) throw validationFailed({ query: "noBadges" });
  const codes = await ctx.repos.badges.codesFor(people.map((p) => p.user.id));
  const cards = people.map((p) => badgeCard(p, codes.get(p.user.id)!, ctx.publicOrigin));
  const run = badgeRun(fair, `Badges · ${fair.slug}`);
  const scope = [query.role, query.companyId].filter(Boolean).join("-");
  return { pdf: await print(ctx, run, cards, query.layout), filename: `badges-${fair.slug}${scope ? `-${scope}` : ""}-${query.layout}.pdf` };
}

/** One's own badge, to print at home or show at the desk. */
export async function printMyBadge(ctx: BadgeContext, user: UserRecord, event: string | undefined, layout: BadgeLayout): Promise<BadgePdf> {
  const { repos } = ctx;
  const [company, fair, code] = await Promise.all([
    user.companyId ? repos.companies.findById(user.companyId) : null,
    eventFor(ctx, user, event).catch(() => null),
    repos.badges.codeFor(user.id),
  ]);
  const card = badgeCard({ user, ...(company ? { company } : {}) }, code, ctx.publicOrigin);
  return { pdf: await print(ctx, badgeRun(fair, "Badge"), [card], layout), filename: `badge-${layout}.pdf` };
}
