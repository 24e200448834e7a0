import { AppError } from "../../errors";
import type { Repositories } from "../../repositories";
import type { UserRecord } from "../../repositories/userRepository";
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
  if (credentials.lockedUntil && credentials.lockedUntil > now) {
    throw new AppError("rate_limited", undefined, Math.ceil((credentials.lockedUntil.getTime() - now.getTime()) / 1000));
  }
  if (!(await verifyPassword(credentials.passwordHash, password))) {
    await repos.users.recordFailedLogin(credentials.id, LOGIN_FAILURE_LIMIT, new Date(now.getTime() + LOCKOUT_MS));
    throw new AppError("invalid_credentials");
  }
  if (credentials.failedLogins > 0 || credentials.lockedUntil) await repos.users.clearFailedLogins(credentials.id);
  const user = await repos.users.findById(credentials.id);
  if (!user) throw new AppError("invalid_credentials");
  return user;
}
