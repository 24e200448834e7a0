import { Types } from "mongoose";
import type { Locale, UserRole } from "@ketnoi/contracts";
import type { Models } from "../db/models";
import { createRevisionKeyedCache } from "./revisionKeyedCache";
import type { RevisionRepository } from "./revisionRepository";

/** A user as the rest of the api sees it: never the password hash. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  companyId?: string;
  companyRole?: "owner" | "member";
  locale: Locale;
  timeZone: string;
  emailVerifiedAt?: Date;
  consents: { purpose: string; grantedAt: Date }[];
  /** An organiser scoped to some events: their fair ids. Absent (or empty) = every event and the programme. */
  eventScopes?: string[];
}

/** Only the login path sees credentials. */
export interface UserCredentials {
  id: string;
  passwordHash: string;
  /** The account's current run of password checks (see the loginFailure model). */
  loginRun: number;
}

/** A new user: the record's fields (less what the system sets) and the password hash. */
export type UserInput = Omit<UserRecord, "id" | "emailVerifiedAt"> & { passwordHash: string };

export interface UserRepository {
  findById(id: string): Promise<UserRecord | null>;
  findByEmail(email: string): Promise<UserRecord | null>;
  findCredentials(email: string): Promise<UserCredentials | null>;
  /** Inserts a user; the unique email index makes a duplicate fail with E11000. */
  create(user: UserInput): Promise<UserRecord>;
  /** Creates the user unless one with that email exists; returns whether it was created. */
  createIfAbsent(user: UserInput): Promise<boolean>;
  /** Moves the account's run of password checks on to at least `run`; returns the run it is in now. */
  startLoginRun(id: string, run: number): Promise<number>;
  /** Sets a new password; its checks start a new run (the lock, if any, ends). */
  setPassword(id: string, passwordHash: string): Promise<void>;
  markEmailVerified(id: string, at: Date): Promise<void>;
  deleteById(id: string): Promise<void>;
  countCompanyMembers(companyId: string): Promise<number>;
  /** A company's members (who its meeting notifications go to). */
  listByCompany(companyId: string): Promise<UserRecord[]>;
  /** The members of many companies, in one query (telling every firm of a published plan). */
  listByCompanies(companyIds: string[]): Promise<UserRecord[]>;
  setConsents(id: string, consents: { purpose: string; grantedAt: Date }[]): Promise<void>;
  /** Every user with their consents, for the organiser's register of consent (one scan). */
  listAll(): Promise<UserRecord[]>;
  /** Every account of a role (the organisers, to scope them). */
  listByRole(role: UserRole): Promise<UserRecord[]>;
  /** Sets an organiser's events (fair ids); null = every event. */
  setEventScopes(id: string, fairIds: string[] | null): Promise<void>;
  /** Adds an event to a scoped organiser's events (an event they started); an unscoped organiser stays unscoped. */
  addEventScope(id: string, fairId: string): Promise<void>;
}

type Lean = {
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: UserRole;
  companyId?: Types.ObjectId | null;
  companyRole?: "owner" | "member" | null;
  locale?: string | null;
  timeZone?: string | null;
  emailVerifiedAt?: Date | null;
  consents?: { purpose?: string | null; grantedAt?: Date | null }[];
  eventScopes?: Types.ObjectId[] | null;
};

function toRecord(d: Lean): UserRecord {
  return {
    id: d._id.toHexString(),
    email: d.email,
    name: d.name,
    role: d.role,
    ...(d.companyId ? { companyId: d.companyId.toHexString() } : {}),
    ...(d.companyRole ? { companyRole: d.companyRole } : {}),
    locale: (d.locale ?? "vi") as Locale,
    timeZone: d.timeZone ?? "Asia/Ho_Chi_Minh",
    ...(d.emailVerifiedAt ? { emailVerifiedAt: d.emailVerifiedAt } : {}),
    consents: (d.consents ?? []).map((c) => ({ purpose: c.purpose ?? "", grantedAt: c.grantedAt ?? new Date(0) })),
    ...(d.eventScopes?.length ? { eventScopes: d.eventScopes.map((f) => f.toHexString()) } : {}),
  };
}

const PUBLIC_FIELDS = { passwordHash: 0, loginRun: 0 };

/** Changing an account bumps the "sessions" revision: processes keep each session's user (see sessionCache). */
export function createUserRepository({ User }: Models, revisions: RevisionRepository): UserRepository {
  const changed = () => revisions.bump("sessions");
  const toDoc = ({ eventScopes, ...user }: UserInput) => ({
    ...user,
    email: user.email.toLowerCase(),
    ...(user.companyId ? { companyId: new Types.ObjectId(user.companyId) } : {}),
    ...(eventScopes?.length ? { eventScopes: eventScopes.map((f) => new Types.ObjectId(f)) } : {}),
  });
  // Every firm's members, as every meeting's notices read them: one read for all firms, as listing one
  // firm's scans every user on FerretDB anyway.
  const members = createRevisionKeyedCache<"all", Map<string, UserRecord[]>>(revisions, "sessions");
  const membersByCompany = () =>
    members.get("all", async () => {
      const byCompany = new Map<string, UserRecord[]>();
      for (const user of (await User.find({ companyId: { $exists: true } }, PUBLIC_FIELDS).lean<Lean[]>()).map(toRecord))
        if (user.companyId) byCompany.set(user.companyId, [...(byCompany.get(user.companyId) ?? []), user]);
      return byCompany;
    });
  return {
    async findById(id) {
      const doc = await User.findById(id, PUBLIC_FIELDS).lean<Lean>();
      return doc ? toRecord(doc) : null;
    },
    async findByEmail(email) {
      const doc = await User.findOne({ email: email.toLowerCase() }, PUBLIC_FIELDS).lean<Lean>();
      return doc ? toRecord(doc) : null;
    },
    async findCredentials(email) {
      const doc = await User.findOne({ email: email.toLowerCase() }, { passwordHash: 1, loginRun: 1 }).lean();
      if (!doc) return null;
      return { id: doc._id.toHexString(), passwordHash: doc.passwordHash, loginRun: doc.loginRun ?? 0 };
    },
    async create(user) {
      const doc = await User.create(toDoc(user));
      if (user.companyId) await changed(); // a member joins a firm
      return toRecord(doc.toObject() as unknown as Lean);
    },
    async createIfAbsent(user) {
      const result = await User.updateOne({ email: user.email.toLowerCase() }, { $setOnInsert: toDoc(user) }, { upsert: true });
      if (result.upsertedCount === 1 && user.companyId) await changed();
      return result.upsertedCount === 1;
    },
    async startLoginRun(id, run) {
      // $max, never back: of simultaneous moves the highest stays. No projection: FerretDB v1.24
      // refuses findAndModify with "fields".
      const doc = await User.findOneAndUpdate({ _id: id }, { $max: { loginRun: run } }, { returnDocument: "after" }).lean();
      return Math.max(run, doc?.loginRun ?? 0);
    },
    async setPassword(id, passwordHash) {
      await User.updateOne({ _id: id }, { $set: { passwordHash }, $inc: { loginRun: 1 } });
      await changed();
    },
    async markEmailVerified(id, at) {
      await User.updateOne({ _id: id }, { $set: { emailVerifiedAt: at } });
      await changed();
    },
    async deleteById(id) {
      await User.deleteOne({ _id: id });
      await changed();
    },
    countCompanyMembers: (companyId) => User.countDocuments({ companyId: new Types.ObjectId(companyId) }),
    listByCompany: async (companyId) => [...((await membersByCompany()).get(companyId) ?? [])],
    async listByCompanies(companyIds) {
      const byCompany = await membersByCompany();
      return [...new Set(companyIds)].flatMap((id) => byCompany.get(id) ?? []);
    },
    async setConsents(id, consents) {
      await User.updateOne({ _id: id }, { $set: { consents } });
      await changed();
    },
    async listAll() {
      return (await User.find({}, PUBLIC_FIELDS).sort({ email: 1 }).lean<Lean[]>()).map(toRecord);
    },
    async listByRole(role) {
      return (await User.find({ role }, PUBLIC_FIELDS).sort({ email: 1 }).lean<Lean[]>()).map(toRecord);
    },
    async setEventScopes(id, fairIds) {
      if (fairIds?.length) await User.updateOne({ _id: id }, { $set: { eventScopes: fairIds.map((f) => new Types.ObjectId(f)) } });
      else await User.updateOne({ _id: id }, { $unset: { eventScopes: 1 } });
      await changed();
    },
    async addEventScope(id, fairId) {
      // Only a scoped organiser's list grows: the filter leaves an unscoped one (no list) as it is.
      await User.updateOne({ _id: id, "eventScopes.0": { $exists: true } }, { $addToSet: { eventScopes: new Types.ObjectId(fairId) } });
      await changed();
    },
  };
}
