import { randomBytes } from "node:crypto";
import type request from "supertest";
import { companySearchKey, normalizeSearchText, type CompanyProfile, type MeetingView } from "@ketnoi/contracts";
import type { Repositories } from "../../api/src/repositories";
import type { CompanyRecord } from "../../api/src/repositories/companyRepository";
import type { UserInput, UserRecord } from "../../api/src/repositories/userRepository";
import type { InterpreterRecord } from "../../api/src/repositories/interpreterRepository";
import { hashPassword } from "../../api/src/services/passwords";
import { signIn } from "./app";
import { FIXED_NOW } from "./clock";
import { freshTaxCode } from "./journeys";

/**
 * Test data factories: real records, written through the repositories (or the api, for meetings, whose
 * reservations only the api makes right), each with unique defaults, so a test creates what it uses and
 * never leans on another test's data or on which demo firm a query happens to return first.
 */

type App = NonNullable<Parameters<typeof request.agent>[0]>;
/** What the factories need: the repositories, and the app for the ones that sign in. */
export interface FactoryTarget {
  repos: Repositories;
  app: App;
}

/** Every user a factory makes signs in with this. */
export const FACTORY_PASSWORD = "factory password 0000";
let passwordHash: Promise<string> | undefined;
const factoryHash = () => (passwordHash ??= hashPassword(FACTORY_PASSWORD));

let counter = 0;
/** A short token no other record of this run has (the process id keeps parallel test files apart). */
export const unique = () => `${process.pid.toString(36)}${(++counter).toString(36)}${randomBytes(2).toString("hex")}`;

async function currentFairId(repos: Repositories) {
  const fair = await repos.fairs.findCurrent(FIXED_NOW);
  if (!fair) throw new Error("no current fair: seed the demo fair first (useSeededApp)");
  return fair.id;
}

type CompanyOverrides = Partial<Omit<CompanyProfile, "searchKey">> & { fairId?: string; status?: "approved" | "pending" };

/**
 * A company of the current fair, approved and listed unless told otherwise: a domestic firm in Hanoi
 * with a tax code, speaking Vietnamese and English, meeting onsite (a foreign one: Tokyo, Japanese and English).
 */
export async function buildCompany(repos: Repositories, overrides: CompanyOverrides = {}): Promise<CompanyRecord> {
  const { status = "approved", fairId, ...given } = overrides;
  const kind = given.kind ?? "domestic";
  const id = unique();
  const fields: Omit<CompanyProfile, "searchKey" | "registrationKey"> = {
    kind,
    legalName: kind === "domestic" ? `Công ty TNHH Thử Nghiệm ${id}` : `Factory Test KK ${id}`,
    ...(kind === "domestic" ? { taxCode: freshTaxCode() } : {}),
    country: kind === "domestic" ? "VN" : "JP",
    timeZone: kind === "domestic" ? "Asia/Ho_Chi_Minh" : "Asia/Tokyo",
    participation: "onsite",
    sectors: [],
    processes: [],
    certifications: [],
    products: [],
    needs: [],
    offers: [],
    requirements: [],
    languages: kind === "domestic" ? ["vi", "en"] : ["ja", "en"],
    exportMarkets: [],
    listed: true,
    ...given,
  };
  // The key a company list matches the firm by (domain/companyCsv.ts), so an import updates it rather than adding another.
  const registrationKey =
    given.registrationKey ??
    (kind === "domestic"
      ? `VN:${(fields.taxCode ?? id).slice(0, 10)}`
      : `${fields.country}:${normalizeSearchText(fields.legalName).replace(/ /g, "-")}`);
  const profile = { ...fields, registrationKey };
  const companyId = await repos.companies.createPending({
    ...profile,
    searchKey: companySearchKey(profile),
    fairId: fairId ?? (await currentFairId(repos)),
  });
  if (status === "approved" && !(await repos.companies.approve(companyId))) throw new Error(`company ${companyId} was not approved`);
  return (await repos.companies.findById(companyId))!;
}

type UserOverrides = Partial<Omit<UserInput, "passwordHash">> & { password?: string };

/** A user (a domestic firm's owner unless told otherwise) with a unique address; signs in with FACTORY_PASSWORD or `password`. */
export async function buildUser(repos: Repositories, overrides: UserOverrides = {}): Promise<UserRecord> {
  const { password, ...given } = overrides;
  const role = given.role ?? "domestic";
  return repos.users.create({
    email: `${role}-${unique()}@example.vn`,
    name: `Người Thử ${unique()}`,
    role,
    ...(role === "domestic" || role === "vendor" ? { companyRole: "owner" as const } : {}),
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    consents: [],
    ...given,
    passwordHash: password ? await hashPassword(password) : await factoryHash(),
  });
}

/** A signed-in session (the agent, its session and CSRF header) of a user a factory made. */
export const signInAs = (t: FactoryTarget, user: UserRecord, password = FACTORY_PASSWORD) => signIn(t.app, user.email, password);

/** A firm with its owner, signed in: the usual party to a meeting. */
export async function buildFirm(t: FactoryTarget, overrides: { company?: CompanyOverrides; owner?: UserOverrides } = {}) {
  const company = await buildCompany(t.repos, overrides.company);
  const role = company.kind === "domestic" ? "domestic" : "vendor";
  const owner = await buildUser(t.repos, { role, companyId: company.id, companyRole: "owner", ...overrides.owner });
  return { company, owner, ...(await signInAs(t, owner, overrides.owner?.password)) };
}

/** An interpreter of the current fair, available on every day of it, with her own account. */
export async function buildInterpreter(repos: Repositories, overrides: Partial<Omit<InterpreterRecord, "id" | "userId">> = {}) {
  const fair = (await repos.fairs.findCurrent(FIXED_NOW))!;
  const user = await buildUser(repos, { role: "interpreter" });
  const interpreter = await repos.interpreters.create(fair.id, {
    name: user.name,
    languages: ["vi", "ja"],
    availableDays: fair.days,
    userId: user.id,
    ...overrides,
  });
  return { interpreter, user };
}

type Party = Awaited<ReturnType<typeof signIn>>;
type MeetingBody = { with: string; slot?: string; mode?: "onsite" | "online" | "either"; message?: string };

/**
 * A meeting made as a party makes it, through the api (which holds its reservations): a request,
 * or with `slot` a booking. Fails the test unless the api accepts it (201).
 */
export async function buildMeeting(party: Party, body: MeetingBody): Promise<MeetingView> {
  const res = await party.agent.post("/api/meetings").set(party.csrf).send(body);
  if (res.status !== 201) throw new Error(`buildMeeting ${JSON.stringify(body)}: expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MeetingView;
}
