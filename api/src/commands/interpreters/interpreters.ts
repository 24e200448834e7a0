import type { z } from "zod";
import type { InterpreterBodySchema } from "@ketnoi/contracts";
import { notFound, validationFailed } from "../../errors";
import { checkInterpreterDays } from "../../domain/fairSetupRules";
import type { InterpreterRecord } from "../../repositories/interpreterRepository";
import type { CommandContext } from "../context";
import type { UserRecord } from "../../repositories/userRepository";
import { eventFor } from "../events/eventInContext";

/** An interpreter as organisers send one (PATCH sends any part of it), after validation. */
export type InterpreterBody = z.output<typeof InterpreterBodySchema>;

/** An interpreter of the event in context (see eventFor); one of another event is not found. */
async function interpreterInEvent(ctx: CommandContext, user: UserRecord, event: string | undefined, id: string) {
  const [interpreter, fair] = await Promise.all([ctx.repos.interpreters.findById(id), eventFor(ctx, user, event)]);
  if (!interpreter || interpreter.fairId !== fair.id) throw notFound();
  return fair;
}

/** The days an interpreter works are days of the fair. */
function checkDays(days: string[] | undefined, fairDays: string[]) {
  const bad = checkInterpreterDays(days, fairDays);
  if (Object.keys(bad).length) throw validationFailed(bad);
}

/** The interpreters of the event in context, by name. */
export async function listInterpreters(ctx: CommandContext, user: UserRecord, event: string | undefined): Promise<InterpreterRecord[]> {
  return ctx.repos.interpreters.listForFair((await eventFor(ctx, user, event)).id);
}

export async function addInterpreter(
  ctx: CommandContext,
  user: UserRecord,
  event: string | undefined,
  interpreter: InterpreterBody,
): Promise<InterpreterRecord> {
  const fair = await eventFor(ctx, user, event);
  checkDays(interpreter.availableDays, fair.days);
  return ctx.repos.interpreters.create(fair.id, interpreter);
}

/** Organisers change an interpreter's languages, days or name (the days checked against the event's). */
export async function changeInterpreter(
  ctx: CommandContext,
  user: UserRecord,
  event: string | undefined,
  id: string,
  changes: Partial<InterpreterBody>,
): Promise<InterpreterRecord> {
  checkDays(changes.availableDays, (await interpreterInEvent(ctx, user, event, id)).days);
  const updated = await ctx.repos.interpreters.update(id, changes);
  if (!updated) throw notFound();
  return updated;
}

export async function removeInterpreter(ctx: CommandContext, user: UserRecord, event: string | undefined, id: string): Promise<void> {
  await interpreterInEvent(ctx, user, event, id);
  if (!(await ctx.repos.interpreters.delete(id))) throw notFound();
}
