import { AppError } from "../../errors";
import { endAllSessions } from "../../auth/sessions";
import type { EventPublisher } from "../../services/events";
import type { Repositories } from "../../repositories";
import { hashPassword } from "../../services/passwords";
import { hashToken } from "../../services/secrets";

/** Sets a new password from a reset link; every session of the user ends (a stolen one too). */
export async function resetPassword(repos: Repositories, events: EventPublisher, token: string, password: string, now: Date) {
  const userId = await repos.oneTimeTokens.consume(hashToken(token), "password_reset", now);
  if (!userId) throw new AppError("not_found");
  await repos.users.setPassword(userId, await hashPassword(password));
  await repos.loginFailures.deleteForUser(userId);
  await endAllSessions(repos, events, userId);
}

export async function verifyEmail(repos: Repositories, token: string, now: Date) {
  const userId = await repos.oneTimeTokens.consume(hashToken(token), "email_verification", now);
  if (!userId) throw new AppError("not_found");
  await repos.users.markEmailVerified(userId, now);
}
