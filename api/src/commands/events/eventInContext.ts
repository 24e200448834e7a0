import { AppError, notFound } from "../../errors";
import type { CommandContext } from "../context";
import type { CompanyRecord } from "../../repositories/companyRepository";
import type { FairRecord } from "../../repositories/fairRepository";
import type { UserRecord } from "../../repositories/userRepository";
import { asInEvent } from "../../domain/events/firmInEvent";
import { eventPolicy } from "../../policies/event";

/**
 * Which event a request acts in. A firm can take part in several at once (the fair and an online
 * week on the same days): the page names the event it shows (the X-Ketnoi-Event header, a slug); a
 * request that names none acts in the firm's own event (company.fairId: the one it came in through,
 * until it is over and the firm is approved for another), for an organiser scoped to some events in
 * the one of them running now or next, or for anyone else in the fair running now or next.
 */
export async function eventFor(ctx: CommandContext, user: UserRecord | undefined, slug: string | undefined): Promise<FairRecord> {
  const fair = slug ? await ctx.repos.fairs.findBySlug(slug) : await defaultEvent(ctx, user);
  if (!fair) throw notFound();
  return fair;
}

async function defaultEvent({ repos, now }: CommandContext, user: UserRecord | undefined) {
  const own = user?.companyId ? await repos.companies.findById(user.companyId) : null;
  if (own) return repos.fairs.findById(own.fairId);
  return repos.fairs.findCurrent(now(), user && eventPolicy.isScoped(user) ? user.eventScopes : undefined);
}

/**
 * The firm as it takes part in the event, or null when it is not registered for it. Its own event
 * costs no read (the firm record carries it); another one reads the registration by its _id.
 */
export async function firmInEvent(ctx: CommandContext, fairId: string, company: CompanyRecord): Promise<CompanyRecord | null> {
  if (company.fairId === fairId) return company;
  const p = await ctx.repos.participations.find(fairId, company.id);
  return p ? asInEvent(company, p) : null;
}

/** Both firms of a meeting as they take part in its event (null for one not registered there). */
export const firmsInEvent = (ctx: CommandContext, fairId: string, companies: CompanyRecord[]) =>
  Promise.all(companies.map((c) => firmInEvent(ctx, fairId, c)));

/**
 * The caller's firm and the event it acts in (see eventFor), the firm as it takes part there. A firm
 * naming an event it is not registered for is refused: it has nothing to do there.
 */
export async function actingFirm(ctx: CommandContext, user: UserRecord, slug: string | undefined): Promise<{ fair: FairRecord; own: CompanyRecord }> {
  if (!user.companyId) throw new AppError("forbidden");
  const company = await ctx.repos.companies.findById(user.companyId);
  if (!company) throw notFound();
  const fair = slug ? await eventFor(ctx, user, slug) : await ctx.repos.fairs.findById(company.fairId);
  if (!fair) throw notFound();
  const own = await firmInEvent(ctx, fair.id, company);
  if (!own) throw new AppError("forbidden", { event: "notRegistered" });
  return { fair, own };
}

/**
 * These firms as they take part in the event; a firm not registered there is left out. The event's
 * registrations are read (one scan) only when one of them has another event of its own.
 */
export async function onlyInEvent(ctx: CommandContext, fairId: string, companies: CompanyRecord[]): Promise<CompanyRecord[]> {
  if (companies.every((c) => c.fairId === fairId)) return companies;
  const registered = new Map((await ctx.repos.participations.listForFair(fairId)).map((r) => [r.companyId, r]));
  return companies.flatMap((c) => {
    const r = registered.get(c.id);
    return c.fairId === fairId ? [c] : r ? [asInEvent(c, r)] : [];
  });
}
