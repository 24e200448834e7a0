import { AppError } from "../../errors";
import type { Repositories } from "../../repositories";
import type { UserCredentials, UserRecord } from "../../repositories/userRepository";
import { dummyPasswordHash, verifyPassword } from "../../services/passwords";

export const LOGIN_FAILURE_LIMIT = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/**
 * Checks an email and password. Unknown emails cost the same hash verification as known ones; five
 * consecutive failures lock the account for 15 minutes (kept in the database, so it holds across
 * api processes, and exact under concurrency: see checkPasswordUnderLockout).
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
 * Checks an account's password wherever one is typed (sign-in, deleting the account). Each check
 * first claims a numbered place in the account's current run of failures (a unique document, so
 * of any number of simultaneous guesses, in any api process, only LOGIN_FAILURE_LIMIT are ever
 * verified); when every place is taken the account is locked for LOCKOUT_MS from the last claim,
 * and nothing is verified. A wrong password keeps its place; a right one ends the run.
 */
export async function checkPasswordUnderLockout(repos: Repositories, credentials: UserCredentials, password: string, now: Date): Promise<void> {
  let run = credentials.loginRun;
  for (;;) {
    const claim = await repos.loginFailures.claim(credentials.id, run, LOGIN_FAILURE_LIMIT, now);
    if ("claimed" in claim) break;
    const lockedMs = claim.lastAt.getTime() + LOCKOUT_MS - now.getTime();
    if (lockedMs > 0) throw new AppError("rate_limited", undefined, Math.ceil(lockedMs / 1000));
    // The lock has run out: a new run begins (simultaneous attempts all move to the same one).
    run = await repos.users.startLoginRun(credentials.id, run + 1);
    await forgetOldRuns(repos, credentials.id, run);
  }
  if (!(await verifyPassword(credentials.passwordHash, password))) throw new AppError("invalid_credentials");
  // The right password: the next check starts a new run.
  await forgetOldRuns(repos, credentials.id, await repos.users.startLoginRun(credentials.id, run + 1));
}

/**
 * Nothing else expires the places, so runs before the previous one are deleted. The previous run
 * stays: an attempt that read the account just before the run moved on still claims there, finds it
 * full and moves on too (had it been deleted, that attempt would find free places and be checked).
 */
const forgetOldRuns = (repos: Repositories, userId: string, current: number) => repos.loginFailures.deleteRunsBefore(userId, current - 1);
