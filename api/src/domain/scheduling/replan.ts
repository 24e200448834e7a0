import type { Instance, Solution } from "./format";
import { buildModel } from "./model";
import { NONE } from "./state";
import { staticSlots } from "./valueSearch";
import { toSolution } from "./firstFit";
import { assignTables } from "./tables";
import { ReplanSearch } from "./replanSearch";
import { keepValidPlaces, readHomes } from "./replanKeep";
import { planChanges, type PlanChanges } from "./planChanges";

/** Where a meeting stands in the plan being re-planned (the published, booked meetings). */
export interface CurrentPlace {
  meeting: string;
  slot: string;
  mode: "onsite" | "online";
  interpreter?: string | null;
  table?: number;
}
/** Where a plan's meetings stand, as a re-plan starts from them. */
export function placesOf(solution: Pick<Solution, "assignments">): CurrentPlace[] {
  return solution.assignments.map((a) => ({
    meeting: a.meeting,
    slot: a.slot,
    mode: a.mode,
    interpreter: a.interpreter ?? null,
    ...(a.table !== undefined ? { table: a.table } : {}),
  }));
}

export interface ReplanOptions {
  timeLimitMs: number;
  seed?: number;
  now?: () => number;
  /** Value a booked meeting moved (or cancelled) must buy; see ReplanSearch. Default MOVE_PENALTY. */
  movePenalty?: number;
}
/** The new plan and what it changes (planChanges.ts), measured from `current`. */
export interface ReplanResult extends PlanChanges<CurrentPlace> {
  /** The whole new plan: kept, moved and newly placed meetings, tables named (assignTables). */
  solution: Solution;
  breaks: number;
  /** Meetings of `current` whose place the change made invalid (each re-placed or cancelled). */
  displaced?: string[];
  /** Value of `current` in the changed instance, before re-planning (the displaced ones included). */
  valueBefore?: number;
}

/**
 * Value a move must buy: a booked meeting is moved (or kept meetings pushed aside to place another)
 * only for at least this much value. Meetings are worth 0.35 to 2 (Hanoi): one move pays for
 * most displaced meetings, three (both sides' meetings and a table's) only for the most valuable.
 */
export const MOVE_PENALTY = 0.5;
/** Value of one break: among choices of equal value and moves, fewer breaks; a move outweighs 50. */
const BREAK_WEIGHT = 0.01;
/** How many levels of meetings pushed aside a displaced meeting's chain may have. */
const CHAIN_DEPTH = 1;
/**
 * Kept back from the chains, per meeting, for the work after them: open requests fitted in, tables
 * named, the solution written (Hanoi-30k, 30,000 requests: about 150 ms of the 300 ms kept).
 */
const FINISH_MS_PER_MEETING = 0.01;

/**
 * Re-plans after a change (a vendor gone, tables closed, a slot removed, an interpreter ill) so that
 * as few booked meetings as possible move, while the plan keeps its value. Pure: no I/O.
 *   1. Keep: every booked meeting whose place is still valid stays in it (replanKeep.ts); one whose
 *      interpreter is gone takes another free one of its pair (interpreters told, firms not). Slots
 *      now over their tables or rooms shed the meetings that can go elsewhere at once first.
 *   2. Re-place the displaced, most constrained first: first where they fit without touching anyone
 *      (an interpreter handed over counts as a reassignment, not a move), then with short ejection
 *      chains (ReplanSearch: the sides' meetings in the slot, or one holding the table, room or
 *      interpreter needed, each moved to a free place of its own), taken only when the value
 *      bought outweighs the moves (MOVE_PENALTY each). Deeper chains were tried: at Hanoi they
 *      placed nothing more and took a second.
 *      A chain may also leave out the cheaper of two booked meetings that compete for the last
 *      interpreter or table (the displaced one keeps its place, the other is cancelled instead):
 *      as many firms are told, and the plan keeps more value (the fresh solve does the same).
 *   3. Fill the capacity freed with open requests, where they fit without changing any booked
 *      meeting (not even its interpreter).
 *   4. Breaks: meetings whose move tells no one new (placed now, or moved already) go where they
 *      make fewest breaks. Then tables: kept onsite meetings keep theirs (assignTables' `fixed`).
 * Nothing moves for a gain the change did not bring: with no change, every place is valid and
 * only open requests that fit as they are get placed. (Chains placing open requests, each move
 * priced at MOVE_PENALTY, were tried: at Hanoi, after a 5 s plan, they found nothing in 0.3-0.6 s,
 * and after a weaker plan they moved meetings for gains the change had nothing to do with.)
 */
export function replan(inst: Instance, current: CurrentPlace[], options: ReplanOptions): ReplanResult {
  const now = options.now ?? (() => performance.now());
  const limit = options.timeLimitMs;
  const deadline = now() + Math.max(limit / 2, limit - FINISH_MS_PER_MEETING * inst.meetings.length);
  const m = buildModel(inst);
  const slots = staticSlots(m);
  const { homes, tables } = readHomes(inst, m, current);
  const search = new ReplanSearch(m, homes, slots, { movePenalty: options.movePenalty ?? MOVE_PENALTY, breakWeight: BREAK_WEIGHT }, options.seed);
  const { st } = search;
  let valueBefore = 0;
  for (let k = 0; k < m.M; k++) if (homes.booked[k]) valueBefore += m.mValue[k]!;

  const displaced = keepValidPlaces(search, tables);
  const placeAll = (ks: number[], depth: number) => {
    for (const k of ks) {
      if (depth > 0 && now() > deadline) break;
      if (st.slotOf[k] === NONE) search.placeBest(k, depth, false, deadline, now);
      search.commit();
    }
  };
  displaced.sort((x, y) => slots[x]!.length - slots[y]!.length || m.mValue[y]! - m.mValue[x]! || x - y);
  search.repairing = true;
  placeAll(displaced, 0);
  placeAll(displaced, CHAIN_DEPTH);
  search.repairing = false;
  const open = Array.from({ length: m.M }, (_, k) => k).filter((k) => !homes.booked[k] && slots[k]!.length > 0);
  open.sort((x, y) => m.mValue[y]! - m.mValue[x]! || slots[x]!.length - slots[y]!.length || x - y);
  placeAll(open, 0);
  closeBreaks(search, deadline, now);

  const fixed = new Map<string, number>();
  for (let k = 0; k < m.M; k++)
    if (tables[k]! > 0 && st.slotOf[k] === homes.slot[k] && st.modeOf[k] === 0) fixed.set(inst.meetings[k]!.id, tables[k]!);
  let bound = 0;
  for (let k = 0; k < m.M; k++) if (slots[k]!.length) bound += m.mValue[k]!;
  const solution = assignTables(inst, toSolution(inst, st, bound), fixed);
  return {
    solution,
    breaks: st.totalBreaks(),
    ...planChanges(current, solution.assignments),
    displaced: displaced.map((k) => inst.meetings[k]!.id),
    valueBefore,
  };
}

/** Step 4 of replan: meetings whose move tells no one new, re-placed where they make fewer breaks, until nothing improves. */
function closeBreaks(search: ReplanSearch, deadline: number, now: () => number) {
  const { st, m, homes } = search;
  const free = () => Array.from({ length: m.M }, (_, k) => k).filter((k) => st.slotOf[k] !== NONE && (!homes.booked[k] || search.tell(k) >= 1));
  for (let pass = 0; pass < 4; pass++) {
    let improved = false;
    for (const k of free()) {
      if (now() > deadline) return;
      if (search.replaceBest(k)) improved = true;
      search.commit();
    }
    if (!improved) return;
  }
}
