import { Types } from "mongoose";
import type { Models } from "../db/models";
import type { UserDoc } from "../db/models/user";
import { toPlain, type Record_ } from "./plain";

/** What leaves the repository: never the password hash. */
export type UserRecord = Omit<Record_<UserDoc>, "passwordHash">;
export interface UserInput {
  email: string;
  passwordHash: string;
  name: string;
  role: UserDoc["role"];
  companyId?: string;
  locale: UserDoc["locale"];
  timeZone: string;
  consents: { purpose: string; grantedAt: Date }[];
}

export interface UserRepository {
  findByEmail(email: string): Promise<UserRecord | null>;
  /** Creates the user unless one with that email exists; returns whether it was created. */
  createIfAbsent(user: UserInput): Promise<boolean>;
}

export function createUserRepository({ User }: Models): UserRepository {
  return {
    async findByEmail(email) {
      const doc = await User.findOne({ email: email.toLowerCase() }, { passwordHash: 0 }).lean();
      return doc ? (toPlain(doc) as UserRecord) : null;
    },
    async createIfAbsent(user) {
      const email = user.email.toLowerCase();
      const result = await User.updateOne(
        { email },
        { $setOnInsert: { ...user, email, ...(user.companyId ? { companyId: new Types.ObjectId(user.companyId) } : {}) } },
        { upsert: true },
      );
      return result.upsertedCount === 1;
    },
  };
}
