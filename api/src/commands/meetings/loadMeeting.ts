import { AppError, notFound } from "../../errors";
import { StaleMeetingError, type MeetingRecord } from "../../repositories/meetingRepository";
import type { UserRecord } from "../../repositories/userRepository";
import { meetingPolicy } from "../../policies/meeting";
import { effectiveStatus } from "../../domain/meetings/requestRules";
import type { MeetingContext } from "./context";

/** The interpreter record a user works as (interpreter users only). */
export async function interpreterIdOf(ctx: MeetingContext, user: UserRecord) {
  return user.role === "interpreter" ? (await ctx.repos.interpreters.findByUserId(user.id))?.id : undefined;
}

/** A meeting the user may see (404 otherwise: whether it exists is not revealed). */
export async function loadVisibleMeeting(ctx: MeetingContext, user: UserRecord, id: string): Promise<MeetingRecord> {
  const meeting = await ctx.repos.meetings.findById(id);
  if (!meeting || !meetingPolicy.canSee(user, meeting, await interpreterIdOf(ctx, user))) throw notFound();
  return meeting;
}

/** The meeting's status now, counting a lapsed request as expired. */
export const statusNow = (ctx: MeetingContext, m: MeetingRecord) =>
  effectiveStatus(
    { status: m.status, requesterId: m.requesterId, recipientId: m.recipientId, proposalBy: m.proposal?.by, expiresAt: m.expiresAt },
    ctx.now(),
  );

/** Refuses an action the meeting's current status does not allow. */
export function requireStatus(ctx: MeetingContext, m: MeetingRecord, allowed: readonly string[]) {
  const status = statusNow(ctx, m);
  if (!allowed.includes(status)) throw new AppError("conflict", { status: status === "expired" ? "meetingExpired" : "meetingClosed" });
}

/** Runs a change; when another change to the meeting won the race, answers 409 after undoing `onStale`. */
export async function orConflict<T>(run: () => Promise<T>, onStale?: () => Promise<void>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof StaleMeetingError)) throw err;
    await onStale?.();
    throw new AppError("conflict", { meeting: "meetingChanged" });
  }
}

/**
 * The note a side leaves with its answer (a counter-proposal's message, why it declined or
 * cancelled): it replaces the last one, and an answer without one clears it, so an old note is
 * never shown as the reason for a later answer.
 */
export const noteChange = (note: string) => ({ set: note ? { note } : {}, unset: note ? [] : (["note"] as const) });
