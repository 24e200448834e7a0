import { notFound } from "../../errors";
import { enqueueMail } from "../../services/mail";
import type { CompanyContext } from "./context";

/**
 * An organiser approves a self-registered firm: it joins the directory and may ask others to meet.
 * Its members are told by mail, once: approving again changes nothing and tells no one.
 */
export async function approveCompany(ctx: CompanyContext, id: string) {
  const { repos, publicOrigin } = ctx;
  const company = await repos.companies.findById(id);
  if (!company) throw notFound();
  if (!(await repos.companies.approve(id))) return;
  await ctx.directory.companyChanged(id);
  for (const member of await repos.users.listByCompany(id))
    await enqueueMail(repos.outbox, {
      to: member.email,
      template: "company_approved",
      locale: member.locale,
      link: `${publicOrigin}/recommendations`,
      publicOrigin,
    });
}
