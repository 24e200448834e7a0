import { AppError } from "../../errors";
import type { Repositories } from "../../repositories";
import type { UserCredentials, UserRecord } from "../../repositories/userRepository";
import { dummyPasswordHash, verifyPassword } from "../../services/passwords";

export const LOGIN_FAILURE_LIMIT = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/**
 * Checks an email and password. Unknown emails cost the same hash verification as known ones; five
 * consecutive failures lock the account for 15 minutes (kept in the database, so it holds across
 * api processes).
 */
export async function authenticateUser(repos: Repositories, email: string, password: string, now: Date): Promise<UserRecord> {
  const credentials = await repos.users.findCredentials(email);
  if (!credentials) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw new AppError("invalid_credentials");
  }
  await checkPasswordUnderLockout(repos, credentials, password, now);
  const user = await repos.users.findById(credentials.id);
  if (!user) throw new AppError("invalid_credentials");
  return user;
}

/**
 * Checks an account's password wherever one is typed (sign-in, deleting the account): while the
 * account is locked nothing is checked; a wrong password counts towards the lock, a right one clears
 * the count. One counter per account, in the database, so guesses through any endpoint and any api
 * process add up.
 */
export async function checkPasswordUnderLockout(repos: Repositories, credentials: UserCredentials, password: string, now: Date): Promise<void> {
  if (credentials.lockedUntil && credentials.lockedUntil > now) {
    throw new AppError("rate_limited", undefined, Math.ceil((credentials.lockedUntil.getTime() - now.getTime()) / 1000));
  }
  if (!(await verifyPassword(credentials.passwordHash, password))) {
    await repos.users.recordFailedLogin(credentials.id, LOGIN_FAILURE_LIMIT, new Date(now.getTime() + LOCKOUT_MS));
    throw new AppError("invalid_credentials");
  }
  if (credentials.failedLogins > 0 || credentials.lockedUntil) await repos.users.clearFailedLogins(credentials.id);
}
