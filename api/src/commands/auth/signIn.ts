import type { UserRecord } from "../../repositories/userRepository";
import { createSession, endSession } from "../../auth/sessions";
import type { AccountContext } from "./context";

/**
 * Opens a session for a user who has just proved who they are (password, emailed link). A session
 * the browser already had is ended first: one browser, one session. The route sets the cookie.
 */
export async function signIn(ctx: AccountContext, user: UserRecord, replacing: string | undefined) {
  if (replacing) await endSession(ctx.repos, ctx.events, replacing);
  return { user, ...(await createSession(ctx.repos, user.id, ctx.now())) };
}

/** Ends the caller's session: deleted server-side, its realtime sockets closed. */
export async function signOut(ctx: AccountContext, sessionHash: string) {
  await endSession(ctx.repos, ctx.events, sessionHash);
}
