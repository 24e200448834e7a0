import type { UserRecord } from "../../repositories/userRepository";
import type { AccountContext } from "../auth/context";

/** Everything Ketnoi holds about a user (Decree 13/2023/ND-CP, right of access): the route presents it as one JSON document. */
export async function exportPersonalData(ctx: AccountContext, user: UserRecord) {
  const company = user.companyId ? await ctx.repos.companies.findById(user.companyId) : null;
  return { exportedAt: ctx.now(), user, company, mail: await ctx.repos.outbox.listTo(user.email) };
}
