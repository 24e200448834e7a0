import type { z } from "zod";
import type { InterpreterBodySchema } from "@ketnoi/contracts";
import { notFound, validationFailed } from "../../errors";
import { checkInterpreterDays } from "../../domain/fairSetupRules";
import type { InterpreterRecord } from "../../repositories/interpreterRepository";
import type { CommandContext } from "../context";

/** An interpreter as organisers send one (PATCH sends any part of it), after validation. */
export type InterpreterBody = z.output<typeof InterpreterBodySchema>;

async function currentFair({ repos, now }: CommandContext) {
  const fair = await repos.fairs.findCurrent(now());
  if (!fair) throw notFound();
  return fair;
}

/** The days an interpreter works are days of the fair. */
function checkDays(days: string[] | undefined, fairDays: string[]) {
  const bad = checkInterpreterDays(days, fairDays);
  if (Object.keys(bad).length) throw validationFailed(bad);
}

/** The current fair's interpreters, by name. */
export async function listInterpreters(ctx: CommandContext): Promise<InterpreterRecord[]> {
  return ctx.repos.interpreters.listForFair((await currentFair(ctx)).id);
}

export async function addInterpreter(ctx: CommandContext, interpreter: InterpreterBody): Promise<InterpreterRecord> {
  const fair = await currentFair(ctx);
  checkDays(interpreter.availableDays, fair.days);
  return ctx.repos.interpreters.create(fair.id, interpreter);
}

/** Organisers change an interpreter's languages, days or name (the days checked against the current fair's). */
export async function changeInterpreter(ctx: CommandContext, id: string, changes: Partial<InterpreterBody>): Promise<InterpreterRecord> {
  checkDays(changes.availableDays, (await currentFair(ctx)).days);
  const updated = await ctx.repos.interpreters.update(id, changes);
  if (!updated) throw notFound();
  return updated;
}

export async function removeInterpreter({ repos }: CommandContext, id: string): Promise<void> {
  if (!(await repos.interpreters.delete(id))) throw notFound();
}
