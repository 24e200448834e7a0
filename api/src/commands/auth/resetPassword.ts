import { AppError } from "../../errors";
import { endAllSessions } from "../../auth/sessions";
import { hashPassword } from "../../services/passwords";
import { hashToken } from "../../services/secrets";
import type { AccountContext } from "./context";

/** Sets a new password from a reset link; every session of the user ends (a stolen one too). */
export async function resetPassword(ctx: AccountContext, token: string, password: string) {
  const { repos, events } = ctx;
  const now = ctx.now();
  const userId = await repos.oneTimeTokens.consume(hashToken(token), "password_reset", now);
  if (!userId) throw new AppError("not_found");
  await repos.users.setPassword(userId, await hashPassword(password));
  await repos.loginFailures.deleteForUser(userId);
  await endAllSessions(repos, events, userId);
}

export async function verifyEmail(ctx: AccountContext, token: string) {
  const { repos } = ctx;
  const now = ctx.now();
  const userId = await repos.oneTimeTokens.consume(hashToken(token), "email_verification", now);
  if (!userId) throw new AppError("not_found");
  await repos.users.markEmailVerified(userId, now);
}
