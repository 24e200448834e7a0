import type { UserRecord } from "../../repositories/userRepository";
import type { AccountContext } from "../auth/context";

/** Everything Ketnoi holds about a user (Decree 13/2023/ND-CP, right of access): the route presents it as one JSON document. */
export async function exportPersonalData(ctx: AccountContext, user: UserRecord) {
  const company = user.companyId ? await ctx.repos.companies.findById(user.companyId) : null;
  // The firms that keep me as a lead (who scanned my badge, and when).
  const leads = await ctx.repos.leads.listActiveForVisitor(user.id);
  const scanners = await ctx.repos.companies.findByIds([...new Set(leads.map((l) => l.companyId))]);
  const badgeScans = leads.flatMap((l) => {
    const firm = scanners.find((c) => c.id === l.companyId);
    return firm ? [{ company: firm, scannedAt: l.scannedAt ?? l.createdAt }] : [];
  });
  return { exportedAt: ctx.now(), user, company, mail: await ctx.repos.outbox.listTo(user.email), badgeScans };
}
