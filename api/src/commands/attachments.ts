import { AppError, notFound, validationFailed } from "../errors";
import type { Repositories } from "../repositories";
import type { UserRecord } from "../repositories/userRepository";
import { companyPolicy } from "../policies/company";
import { findVisibleCompany } from "../policies/companyVisibility";
import { ATTACHMENT_RULES, detectFileType, type AttachmentKind } from "../domain/fileTypes";

/** Stores a logo or catalogue for a company after checking what the bytes really are and their size. */
export async function addAttachment(repos: Repositories, user: UserRecord, companyId: string, kind: AttachmentKind, name: string, data: Buffer) {
  const company = await repos.companies.findById(companyId);
  if (!company || !companyPolicy.canSeeCard(user, company)) throw notFound();
  if (!companyPolicy.canEdit(user, company)) throw new AppError("forbidden");
  const rules = ATTACHMENT_RULES[kind];
  const type = detectFileType(data);
  if (!type || !rules.types.includes(type)) throw validationFailed({ file: "unsupportedFileType" });
  if (data.length > rules.maxBytes) throw new AppError("payload_too_large");
  const existing = (await repos.attachments.listForCompany(company.id)).filter((a) => a.kind === kind);
  if (kind === "catalogue" && existing.length >= rules.maxPerCompany) throw new AppError("conflict", { file: "tooManyFiles" });
  const saved = await repos.attachments.save({ companyId: company.id, kind, name, contentType: type }, data);
  // A new logo replaces the old one, once the new one is safely stored.
  if (kind === "logo") for (const old of existing) await repos.attachments.delete(old);
  return saved;
}

/** An attachment the user may see: those of companies whose card they may see. */
export async function findVisibleAttachment(repos: Repositories, user: UserRecord | undefined, id: string) {
  const meta = await repos.attachments.find(id);
  if (!meta) throw notFound();
  return { meta, company: await findVisibleCompany(repos, user, meta.companyId) };
}

export async function deleteAttachment(repos: Repositories, user: UserRecord, id: string) {
  const { meta, company } = await findVisibleAttachment(repos, user, id);
  if (!companyPolicy.canEdit(user, company)) throw new AppError("forbidden");
  await repos.attachments.delete(meta);
}
