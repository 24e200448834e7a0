import { companySearchKey, normalizeSearchText, type CompanyProfile, type RegisterBody } from "@ketnoi/contracts";
import { AppError } from "../../errors";
import type { Repositories } from "../../repositories";
import type { UserRecord } from "../../repositories/userRepository";
import { hashPassword } from "../../services/passwords";

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

function registrationKey(body: RegisterBody) {
  return body.company.taxCode ? `VN:${body.company.taxCode.replace(/\D/g, "").slice(0, 10)}` : `${body.company.country}:${normalizeSearchText(body.company.legalName).replace(/ /g, "-")}`;
}

/**
 * A firm's first member registers it: the company (pending an organiser's approval) and its owner.
 * No transactions, so the claims go in order, each guarded by a unique index: the company's key
 * first, then the user's email; if the email is taken the company is removed again, leaving nothing.
 */
export async function registerFirm(repos: Repositories, body: RegisterBody, now: Date): Promise<UserRecord> {
  const fair = await repos.fairs.findCurrent(now);
  if (!fair) throw new AppError("not_found");
  if (await repos.users.findByEmail(body.email)) throw new AppError("conflict", { email: "emailTaken" });

  const profile: Omit<CompanyProfile, "searchKey"> = {
    kind: body.role === "domestic" ? "domestic" : "foreign",
    registrationKey: registrationKey(body),
    legalName: body.company.legalName,
    ...(body.company.englishName ? { englishName: body.company.englishName } : {}),
    ...(body.company.taxCode ? { taxCode: body.company.taxCode } : {}),
    country: body.company.country,
    ...(body.company.district ? { district: body.company.district } : {}),
    timeZone: body.timeZone,
    participation: body.role === "domestic" ? "onsite" : "remote",
    sectors: [],
    processes: [],
    certifications: [],
    products: [],
    needs: [],
    offers: [],
    requirements: [],
    languages: [],
    exportMarkets: [],
    listed: body.consents.profileSharing,
  };

  let companyId: string;
  try {
    companyId = await repos.companies.createPending({ ...profile, searchKey: companySearchKey(profile), fairId: fair.id });
  } catch (err) {
    if (isDuplicateKey(err)) throw new AppError("conflict", { "company.taxCode": "companyRegistered" });
    throw err;
  }
  try {
    return await repos.users.create({
      email: body.email,
      passwordHash: await hashPassword(body.password),
      name: body.name,
      role: body.role,
      companyId,
      companyRole: "owner",
      locale: body.locale,
      timeZone: body.timeZone,
      consents: Object.entries(body.consents)
        .filter(([, granted]) => granted)
        .map(([purpose]) => ({ purpose, grantedAt: now })),
    });
  } catch (err) {
    await repos.companies.deleteById(companyId);
    if (isDuplicateKey(err)) throw new AppError("conflict", { email: "emailTaken" });
    throw err;
  }
}
