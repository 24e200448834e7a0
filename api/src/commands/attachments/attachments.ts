import { AppError, notFound, validationFailed } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import { companyPolicy } from "../../policies/company";
import { findVisibleCompany } from "../../policies/companyVisibility";
import { ATTACHMENT_RULES, detectFileType, servingOf, type AttachmentKind } from "../../domain/fileTypes";
import type { CompanyContext } from "../companies/context";

/** The most an upload may hold: the largest allowance (a catalogue's); each kind then applies its own limit. */
export const MAX_UPLOAD_BYTES = ATTACHMENT_RULES.catalogue.maxBytes;

/** Stores a logo or catalogue for a company after checking what the bytes really are and their size. */
export async function addAttachment(
  { repos }: CompanyContext,
  user: UserRecord,
  companyId: string,
  kind: AttachmentKind,
  name: string,
  data: Buffer,
) {
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

/** A company's logo and catalogues, for whoever may see its card (others: not found). */
export async function listAttachments({ repos }: CompanyContext, viewer: UserRecord | undefined, companyId: string) {
  const company = await findVisibleCompany(repos, viewer, companyId);
  return repos.attachments.listForCompany(company.id);
}

/** An attachment the user may see: those of companies whose card they may see. */
async function findVisibleAttachment({ repos }: CompanyContext, user: UserRecord | undefined, id: string) {
  const meta = await repos.attachments.find(id);
  if (!meta) throw notFound();
  return { meta, company: await findVisibleCompany(repos, user, meta.companyId) };
}

/**
 * The stored bytes of an attachment the viewer may see, and how to serve them: the type is judged
 * again from the bytes (a stored record, or a fair moved in from elsewhere, could say otherwise).
 */
export async function downloadAttachment(ctx: CompanyContext, viewer: UserRecord | undefined, id: string) {
  const { meta } = await findVisibleAttachment(ctx, viewer, id);
  const data = await ctx.repos.attachments.read(meta);
  return { data, served: servingOf(data, meta.name) };
}

export async function deleteAttachment(ctx: CompanyContext, user: UserRecord, id: string) {
  const { meta, company } = await findVisibleAttachment(ctx, user, id);
  if (!companyPolicy.canEdit(user, company)) throw new AppError("forbidden");
  await ctx.repos.attachments.delete(meta);
}
