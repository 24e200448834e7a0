import type { InterpreterView } from "@ketnoi/contracts";
import type { InterpreterRecord } from "../repositories/interpreterRepository";

export function presentInterpreter(i: InterpreterRecord): InterpreterView {
  return { id: i.id, name: i.name, languages: i.languages, availableDays: i.availableDays, ...(i.userId ? { userId: i.userId } : {}) };
}
