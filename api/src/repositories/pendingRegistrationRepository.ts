import type { RegisterBody } from "@ketnoi/contracts";
import type { Models } from "../db/models";

export interface PendingRegistration {
  registration: Omit<RegisterBody, "password">;
  passwordHash: string;
  expiresAt: Date;
}

export interface PendingRegistrationRepository {
  create(tokenHash: string, pending: PendingRegistration): Promise<void>;
  /** Takes the registration (single use) if it exists and has not expired. */
  consume(tokenHash: string, now: Date): Promise<PendingRegistration | null>;
  /** Puts a consumed registration back (confirming failed for a passing reason). */
  restore(tokenHash: string, pending: PendingRegistration): Promise<void>;
  /** Removes registrations whose link has expired (FerretDB has no TTL indexes). */
  deleteExpired(now: Date): Promise<void>;
}

export function createPendingRegistrationRepository({ PendingRegistration }: Models): PendingRegistrationRepository {
  const toDoc = (tokenHash: string, p: PendingRegistration) => ({
    _id: tokenHash,
    email: p.registration.email,
    passwordHash: p.passwordHash,
    registration: p.registration,
    expiresAt: p.expiresAt,
  });
  return {
    async create(tokenHash, pending) {
      await PendingRegistration.create(toDoc(tokenHash, pending));
    },
    async consume(tokenHash, now) {
      const doc = await PendingRegistration.findOneAndDelete({ _id: tokenHash }).lean<{
        passwordHash: string;
        registration: PendingRegistration["registration"];
        expiresAt: Date;
      }>();
      if (!doc || doc.expiresAt <= now) return null;
      return { registration: doc.registration, passwordHash: doc.passwordHash, expiresAt: doc.expiresAt };
    },
    async restore(tokenHash, pending) {
      await PendingRegistration.create(toDoc(tokenHash, pending));
    },
    async deleteExpired(now) {
      await PendingRegistration.deleteMany({ expiresAt: { $lte: now } });
    },
  };
}
