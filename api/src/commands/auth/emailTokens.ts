import type { UserRecord } from "../../repositories/userRepository";
import { enqueueMail } from "../../services/mail";
import { hashToken, randomToken } from "../../services/secrets";
import type { AccountContext } from "./context";

const VERIFY_TTL_MS = 48 * 3600 * 1000;
const RESET_TTL_MS = 3600 * 1000;

/** Issues a fresh email-verification link (older ones stop working) and queues the mail; a confirmed address gets none. */
export async function resendVerificationEmail(ctx: AccountContext, user: UserRecord) {
  if (user.emailVerifiedAt) return;
  const { repos, publicOrigin } = ctx;
  const now = ctx.now();
  const token = randomToken();
  await repos.oneTimeTokens.deleteForUser(user.id, "email_verification");
  await repos.oneTimeTokens.create(hashToken(token), "email_verification", user.id, new Date(now.getTime() + VERIFY_TTL_MS));
  await enqueueMail(repos.outbox, {
    to: user.email,
    template: "verify_email",
    locale: user.locale,
    link: `${publicOrigin}/verify-email?token=${token}`,
    publicOrigin,
  });
}

/** Queues a reset link when the email belongs to a user; says nothing either way (no enumeration). */
export async function requestPasswordReset(ctx: AccountContext, email: string) {
  const { repos, publicOrigin } = ctx;
  const now = ctx.now();
  const user = await repos.users.findByEmail(email);
  if (!user) return;
  const token = randomToken();
  await repos.oneTimeTokens.deleteForUser(user.id, "password_reset");
  await repos.oneTimeTokens.create(hashToken(token), "password_reset", user.id, new Date(now.getTime() + RESET_TTL_MS));
  await enqueueMail(repos.outbox, {
    to: user.email,
    template: "password_reset",
    locale: user.locale,
    link: `${publicOrigin}/reset-password?token=${token}`,
    publicOrigin,
  });
}
