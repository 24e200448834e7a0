import type { Instance } from "../scheduling/format";
import { slotDays } from "../scheduling/slotDays";

/**
 * Interpreter `id`, working in `slot` and in the slots of `working` (and those she is booked in,
 * `busy`), stays within the instance's interpreterMaxRun: the run through `slot`, over slots that
 * follow one another without a gap on one day of the fair's zone (as the solver and the checker
 * count it). Always true without a limit.
 */
export function interpreterRunFits(inst: Instance, id: string, slot: string, working: ReadonlySet<string>): boolean {
  const limit = inst.interpreterMaxRun;
  if (limit === undefined) return true;
  const booked = new Set(inst.interpreters.find((i) => i.id === id)?.busy ?? []);
  const at = inst.slots.findIndex((s) => s.id === slot);
  const works = (k: number) => working.has(inst.slots[k]!.id) || booked.has(inst.slots[k]!.id);
  const days = slotDays(inst);
  const follows = (k: number) => days[k] === days[k - 1] && Date.parse(inst.slots[k]!.start) === Date.parse(inst.slots[k - 1]!.end);
  let run = 1;
  for (let k = at - 1; k >= 0 && follows(k + 1) && works(k); k--) run++;
  for (let k = at + 1; k < inst.slots.length && follows(k) && works(k); k++) run++;
  return run <= limit;
}
