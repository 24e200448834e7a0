import { notFound } from "../errors";
import type { Repositories } from "../repositories";
import type { DirectoryService } from "../services/directory";
import { enqueueMail } from "../services/mail";

/**
 * An organiser approves a self-registered firm: it joins the directory and may ask others to meet.
 * Its members are told by mail, once: approving again changes nothing and tells no one.
 */
export async function approveCompany(repos: Repositories, directory: DirectoryService, publicOrigin: string, id: string) {
  const company = await repos.companies.findById(id);
  if (!company) throw notFound();
  if (!(await repos.companies.approve(id))) return;
  await directory.companyChanged(id);
  for (const member of await repos.users.listByCompany(id)) await enqueueMail(repos.outbox, { to: member.email, template: "company_approved", locale: member.locale, link: `${publicOrigin}/recommendations`, publicOrigin });
}
