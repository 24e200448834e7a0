import { companySearchKey, normalizeSearchText, type CompanyProfile, type RegisterBody } from "@ketnoi/contracts";
import { AppError } from "../../errors";
import type { Repositories } from "../../repositories";
import type { UserRecord } from "../../repositories/userRepository";
import type { PendingRegistration } from "../../repositories/pendingRegistrationRepository";
import { enqueueMail } from "../../services/mail";
import { hashPassword } from "../../services/passwords";
import { hashToken, randomToken } from "../../services/secrets";
import type { AccountContext } from "./context";
import { signIn } from "./signIn";

const CONFIRM_TTL_MS = 48 * 3600 * 1000;
const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

function registrationKey(company: RegisterBody["company"]) {
  return company.taxCode
    ? `VN:${company.taxCode.replace(/\D/g, "").slice(0, 10)}`
    : `${company.country}:${normalizeSearchText(company.legalName).replace(/ /g, "-")}`;
}

/**
 * A firm's first member asks to register it. The answer is the same whether or not the address
 * already has an account, and nothing is created yet: a new address gets a link that finishes the
 * registration; an address with an account gets a note that someone tried (in its owner's
 * language), and its account is untouched. Both cost a password hash, so neither answers sooner.
 * Only what says nothing about the address is refused here: no current fair, a firm already
 * registered (the directory shows firms, not who registered them).
 */
export async function requestRegistration(ctx: AccountContext, body: RegisterBody) {
  const { repos, publicOrigin } = ctx;
  const now = ctx.now();
  const fair = await repos.fairs.findCurrent(now);
  if (!fair) throw new AppError("not_found");
  if (await repos.companies.findByRegistrationKey(registrationKey(body.company)))
    throw new AppError("conflict", { "company.taxCode": "companyRegistered" });
  const { password, ...registration } = body;
  const passwordHash = await hashPassword(password);
  const existing = await repos.users.findByEmail(body.email);
  if (existing) {
    await enqueueMail(repos.outbox, {
      to: existing.email,
      template: "registration_attempt",
      locale: existing.locale,
      link: `${publicOrigin}/signin`,
      publicOrigin,
    });
    return;
  }
  await repos.pendingRegistrations.deleteExpired(now);
  const token = randomToken();
  await repos.pendingRegistrations.create(hashToken(token), { registration, passwordHash, expiresAt: new Date(now.getTime() + CONFIRM_TTL_MS) });
  await enqueueMail(repos.outbox, {
    to: body.email,
    template: "confirm_registration",
    locale: body.locale,
    link: `${publicOrigin}/signup/confirm?token=${token}`,
    publicOrigin,
  });
}

/**
 * The emailed link finishes the registration: the company (pending an organiser's approval) and its
 * owner, whose address the link proves. Single use; a failure for a passing reason puts the
 * registration back so the link works again. No transactions, so the claims go in order, each
 * guarded by a unique index: the company's key first, then the user's email; if the email is taken
 * meanwhile the company is removed again, leaving nothing. The new owner is signed in (ending the
 * session the browser had), and the firm shows in this process's directory (to organisers) at once.
 */
export async function confirmRegistration(ctx: AccountContext, token: string, replacing: string | undefined) {
  const user = await createRegisteredFirm(ctx.repos, token, ctx.now());
  await ctx.directory.companyChanged(user.companyId!);
  return signIn(ctx, user, replacing);
}

async function createRegisteredFirm(repos: Repositories, token: string, now: Date): Promise<UserRecord> {
  const tokenHash = hashToken(token);
  const pending = await repos.pendingRegistrations.consume(tokenHash, now);
  if (!pending) throw new AppError("not_found");
  try {
    return await createFirm(repos, pending, now);
  } catch (err) {
    if (!(err instanceof AppError)) await repos.pendingRegistrations.restore(tokenHash, pending);
    throw err;
  }
}

async function createFirm(repos: Repositories, { registration: body, passwordHash }: PendingRegistration, now: Date): Promise<UserRecord> {
  const fair = await repos.fairs.findCurrent(now);
  if (!fair) throw new AppError("not_found");
  const profile: Omit<CompanyProfile, "searchKey"> = {
    kind: body.role === "domestic" ? "domestic" : "foreign",
    registrationKey: registrationKey(body.company),
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
    const user = await repos.users.create({
      email: body.email,
      passwordHash,
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
    await repos.users.markEmailVerified(user.id, now);
    return { ...user, emailVerifiedAt: now };
  } catch (err) {
    await repos.companies.deleteById(companyId);
    if (isDuplicateKey(err)) throw new AppError("conflict", { email: "emailTaken" });
    throw err;
  }
}
