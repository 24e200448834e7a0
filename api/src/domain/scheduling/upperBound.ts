import type { Instance } from "./format";
import { buildModel, type Model } from "./model";

/**
 * A proven upper bound on the best value of a schedule: the Lagrangian dual of the time-indexed
 * model, improved by subgradient steps.
 *
 * The model: x[k,s,mode] = 1 when meeting k is held in slot s in that mode (only the slots both sides
 * share, the meeting allows, and where an interpreter who speaks its pair could be there). Every
 * feasible schedule satisfies
 *   (a) each meeting at most once;
 *   (b) participant p has at most one meeting in slot s;                       multiplier w[p,s] >= 0
 *   (c) participant p has at most maxMeetings meetings;                        multiplier y[p]   >= 0
 *   (d) per slot, at most `tables` onsite and at most `rooms` online meetings; multipliers on[s], off[s] >= 0
 *   (e) per slot, for each set T of "interpreter classes" (meetings grouped by the set of interpreters
 *       who could serve them), the meetings of T in the slot are at most the interpreters of T's union
 *       available then (Hall's condition; a necessary condition of the interpreter assignment). mu[T,s] >= 0
 * For any multipliers lambda >= 0 and any feasible schedule x,
 *   value(x) <= value(x) + sum lambda * (capacity - usage(x))        (every term is >= 0)
 *            =  sum_k (v_k - lambda-cost of k's chosen slot and mode) + sum lambda * capacity
 *            <= sum_k max(0, best reduced value of k over its options) + sum lambda * capacity = L(lambda)
 * because (a) lets each meeting take at most one option. So L(lambda) >= optimum for every
 * lambda >= 0 (weak duality); the search below only looks for small L, it never needs to be right to
 * be valid. The smallest L met is returned (with a relative margin of 1e-9 against rounding), and never
 * more than the plain sum of the values of meetings that have any option.
 *
 * Start: the "degree" dual of (a)+(b)+(c) without slots, by coordinate descent (for each participant,
 * the price that keeps its best min(maxMeetings, available slots) meetings). Then projected
 * subgradient steps scaled per multiplier (Adam), stopping early if a known feasible value is met.
 *
 * The steps run first on blocks of consecutive slots (see Level): (b), (d) and (e) summed over each
 * block are implied by the slots' own, so the same argument bounds the optimum, and with a few
 * options per meeting instead of one per slot the search converges in a few hundred cheap steps.
 * Then on the slots, with the time left or the time given them: from the degree prices, or with
 * no time given, a few steps from the blocks' multipliers (spread over their slots, the same L),
 * kept only if they go below.
 */
export interface BoundOptions {
  /** The value of some feasible schedule: the search stops when the bound meets it. */
  lowerBound?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  now?: () => number;
  /** Tuning: first step size and the factor it shrinks to over the planned steps. */
  stepSize?: number;
  stepDecay?: number;
  /**
   * The most time the slots' search may take after the blocks' (all that is left if not given);
   * its choices say where the guided plans put the meetings (see the guide). 0: only a few steps
   * from the blocks' multipliers, for the bound.
   */
  slotTimeLimitMs?: number;
}

export interface BoundResult {
  bound: number;
  /** The plain bound: every meeting that has at least one option. */
  trivial: number;
  /** The slot-free degree bound the search starts from. */
  degree: number;
  iterations: number;
  millis: number;
  /** Per meeting k, its options optSlot[optStart[k] .. optStart[k+1]) and how often the relaxation chose each. */
  guide: { optStart: Int32Array; optSlot: Int32Array; weight: Float64Array };
}

interface Prepared {
  optStart: Int32Array;
  optSlot: Int32Array;
  cls: Int32Array; // interpreter class of each meeting, -1 when none is needed
  classes: number;
  sets: number; // interpreter sets T used in (e)
  setsOfClass: number[][];
  setCap: Float64Array; // sets x S
  availCount: Int32Array;
  trivial: number;
}

function prepare(m: Model): Prepared {
  const { S, M, P } = m;
  // Interpreter classes: meetings with the same set of eligible interpreters.
  const classKey = new Map<string, number>();
  const classMembers: Int32Array[] = [];
  const cls = new Int32Array(M).fill(-1);
  for (let k = 0; k < M; k++) {
    if (!m.mNeedsInterpreter[k]) continue;
    const key = Array.from(m.mInterpreters[k]!).join(",");
    let c = classKey.get(key);
    if (c === undefined) {
      c = classKey.size;
      classKey.set(key, c);
      classMembers.push(m.mInterpreters[k]!);
    }
    cls[k] = c;
  }
  const C = classMembers.length;
  // Sets T: every non-empty subset when there are few classes, else each class alone and all together.
  const setMasks: number[][] = [];
  if (C <= 6) {
    for (let mask = 1; mask < 1 << C; mask++) setMasks.push(Array.from({ length: C }, (_, c) => c).filter((c) => mask & (1 << c)));
  } else {
    for (let c = 0; c < C; c++) setMasks.push([c]);
    if (C > 1) setMasks.push(Array.from({ length: C }, (_, c) => c));
  }
  const setsOfClass: number[][] = Array.from({ length: C }, () => []);
  const setCap = new Float64Array(setMasks.length * S);
  setMasks.forEach((members, t) => {
    for (const c of members) setsOfClass[c]!.push(t);
    const union = new Set<number>();
    for (const c of members) for (const i of classMembers[c]!) union.add(i);
    for (let s = 0; s < S; s++) {
      let n = 0;
      for (const i of union) if (m.iAvail[i * S + s]) n++;
      setCap[t * S + s] = n;
    }
  });
  const availCount = new Int32Array(P);
  for (let p = 0; p < P; p++) for (let s = 0; s < S; s++) availCount[p]! += m.pAvail[p * S + s]!;
  // Options of each meeting.
  const optStart = new Int32Array(M + 1);
  const slots: number[] = [];
  let trivial = 0;
  for (let k = 0; k < M; k++) {
    optStart[k] = slots.length;
    const a = m.mA[k]!;
    const b = m.mB[k]!;
    const allowed = m.mSlots[k];
    const modes = (m.mOnsite[k] && m.tables > 0) || (m.mOnline[k] && m.rooms > 0);
    if (modes) {
      for (let s = 0; s < S; s++) {
        if ((allowed && !allowed[s]) || !m.pAvail[a * S + s] || !m.pAvail[b * S + s]) continue;
        if (cls[k]! >= 0 && !m.mInterpreters[k]!.some((i) => m.iAvail[i * S + s])) continue;
        slots.push(s);
      }
    }
    if (slots.length > optStart[k]! && m.pMax[a]! > 0 && m.pMax[b]! > 0) trivial += m.mValue[k]!;
    else slots.length = optStart[k]!;
  }
  optStart[M] = slots.length;
  return { optStart, optSlot: Int32Array.from(slots), cls, classes: C, sets: setMasks.length, setsOfClass, setCap, availCount, trivial };
}

/** The slot-free bound of (a)+(b)+(c): participant prices y >= 0, by a few passes of coordinate descent. */
function degreePrices(m: Model, pre: Prepared): Float64Array {
  const y = new Float64Array(m.P);
  const cap = Array.from({ length: m.P }, (_, p) => Math.min(m.pMax[p]!, pre.availCount[p]!));
  const mine: number[][] = Array.from({ length: m.P }, () => []);
  for (let k = 0; k < m.M; k++) {
    if (pre.optStart[k + 1] === pre.optStart[k]) continue;
    mine[m.mA[k]!]!.push(k);
    mine[m.mB[k]!]!.push(k);
  }
  const residual: number[] = [];
  for (let pass = 0; pass < 6; pass++) {
    for (let p = 0; p < m.P; p++) {
      const list = mine[p]!;
      if (list.length <= cap[p]!) {
        y[p] = 0;
        continue;
      }
      residual.length = 0;
      for (const k of list) residual.push(m.mValue[k]! - y[m.mA[k] === p ? m.mB[k]! : m.mA[k]!]!);
      residual.sort((u, v) => v - u);
      // The derivative of cap*y + sum max(0, r - y) is cap - #{r > y}: zero from the (cap+1)-th largest residual.
      y[p] = Math.max(0, residual[cap[p]!]!);
    }
  }
  return y;
}

/**
 * The bound without slots, of (a), (c) and (e) summed over all slots (a participant holds at most
 * min(maxMeetings, available slots) meetings; a set of interpreter classes at most as many as its
 * interpreters' available slots), at prices found by a few passes of coordinate descent (each
 * price the one that keeps its best meetings, as degreePrices). Cheap, and far below the degree
 * bound where interpreters are scarce (Hanoi: 2,842, degree 3,101; the blocks' search converges to
 * 2,831.4), so it stands in when the blocks' search is cut short (a tiny limit, a starved thread).
 */
const SLOT_FREE_PASSES = 6;
function slotFreeBound(m: Model, pre: Prepared): number {
  const T = pre.sets;
  const y = new Float64Array(m.P);
  const mu = new Float64Array(T);
  const cap = Array.from({ length: m.P }, (_, p) => Math.min(m.pMax[p]!, pre.availCount[p]!));
  const capT = new Float64Array(T);
  for (let t = 0; t < T; t++) for (let s = 0; s < m.S; s++) capT[t]! += pre.setCap[t * m.S + s]!;
  const mine: number[][] = Array.from({ length: m.P }, () => []);
  const ofSet: number[][] = Array.from({ length: T }, () => []);
  for (let k = 0; k < m.M; k++) {
    if (pre.optStart[k + 1] === pre.optStart[k]) continue;
    mine[m.mA[k]!]!.push(k);
    mine[m.mB[k]!]!.push(k);
    const c = pre.cls[k]!;
    if (c >= 0) for (const t of pre.setsOfClass[c]!) ofSet[t]!.push(k);
  }
  // Each class's price: its sets' prices summed (kept in step with mu).
  const muClass = new Float64Array(Math.max(1, pre.classes));
  const muOf = (k: number) => (pre.cls[k]! >= 0 ? muClass[pre.cls[k]!]! : 0);
  const setMu = (t: number, price: number) => {
    for (let c = 0; c < pre.classes; c++) if (pre.setsOfClass[c]!.includes(t)) muClass[c]! += price - mu[t]!;
    mu[t] = price;
  };
  // The price that keeps a constraint's best `room` of its n meetings: the (room+1)-th largest residual.
  const residual = new Float64Array(Math.max(1, ...mine.map((l) => l.length), ...ofSet.map((l) => l.length)));
  const keep = (n: number, room: number) => {
    if (n <= room) return 0;
    const sorted = residual.subarray(0, n).sort();
    return Math.max(0, sorted[n - 1 - room]!);
  };
  for (let pass = 0; pass < SLOT_FREE_PASSES; pass++) {
    for (let p = 0; p < m.P; p++) {
      const list = mine[p]!;
      for (let i = 0; i < list.length; i++) {
        const k = list[i]!;
        residual[i] = m.mValue[k]! - y[m.mA[k] === p ? m.mB[k]! : m.mA[k]!]! - muOf(k);
      }
      y[p] = keep(list.length, cap[p]!);
    }
    for (let t = 0; t < T; t++) {
      const list = ofSet[t]!;
      for (let i = 0; i < list.length; i++) {
        const k = list[i]!;
        residual[i] = m.mValue[k]! - y[m.mA[k]!]! - y[m.mB[k]!]! - (muOf(k) - mu[t]!);
      }
      setMu(t, keep(list.length, capT[t]!));
    }
  }
  let total = 0;
  for (let k = 0; k < m.M; k++)
    if (pre.optStart[k + 1] !== pre.optStart[k]) total += Math.max(0, m.mValue[k]! - y[m.mA[k]!]! - y[m.mB[k]!]! - muOf(k));
  for (let p = 0; p < m.P; p++) total += y[p]! * cap[p]!;
  for (let t = 0; t < T; t++) total += mu[t]! * capT[t]!;
  return total;
}

/** How many steps (of the second half) are averaged before the bound is also evaluated at their mean. */
const AVERAGE_EVERY = 64;
/**
 * The steps over blocks: at most this many, from this first step size (Adam's, in value units).
 * Hanoi: 2,831.43 after 400 steps (0.3 ms each), 2,831.41 after 600; hanoi-30k: 15,850.5 after 500,
 * where the slots' search was at 15,869 after 8 s; the world fair: 46,996.5 after 300 (2.5 s), the
 * slots' 47,038 after 15 s. A first step of 0.3 (the slots') needs twice the steps there.
 */
const BLOCK_STEPS = 400;
const BLOCK_STEP_SIZE = 1;
const SLOT_STEP_SIZE = 0.3;
/**
 * Given no time of its own (slotTimeLimitMs 0), the slots' search starts from the blocks'
 * multipliers and stops after this many steps unless it has gone below their bound, leaving the
 * time to the plan: on Hanoi, hanoi-30k and the world fair it never has (there the slots' search
 * does not get as low in 15 s), while a participant whose meetings all want one slot of a block is
 * seen at the first steps (upperBound.test.ts).
 */
const SLOT_PROBE = 8;

/**
 * What the subgradient search works on: the slots, or blocks of consecutive slots, with (b), (d) and
 * (e) summed over each block (a participant holds at most as many meetings in a block as it has
 * available slots there; tables, rooms and interpreters likewise). Every schedule meets the summed
 * constraints, so a block's L bounds the optimum just as well; at its optimum it is never below
 * the slots', but it has one option per meeting and block, not per slot, so each step costs a
 * fraction and far fewer steps converge.
 */
interface Level {
  /** Slots, or blocks. */
  S: number;
  optStart: Int32Array;
  /** The slot or block of each option. */
  optSlot: Int32Array;
  /** P x S: the participant's available slots in each (1 or 0 for a slot). */
  wCap: Float64Array;
  /** Slots in each: tables and rooms are per slot. */
  width: Int32Array;
  /** Sets x S: interpreters of each set (e), summed over the slots. */
  setCap: Float64Array;
}

function slotLevel(m: Model, pre: Prepared): Level {
  return {
    S: m.S,
    optStart: pre.optStart,
    optSlot: pre.optSlot,
    wCap: Float64Array.from(m.pAvail),
    width: new Int32Array(m.S).fill(1),
    setCap: pre.setCap,
  };
}

/** The runs of consecutive slots (a gap or a new day starts the next): each slot's block, and how many. */
export function slotBlocks(m: Model): { blockOf: Int32Array; blocks: number } {
  const blockOf = new Int32Array(m.S);
  let b = 0;
  for (let s = 1; s < m.S; s++) {
    if (!m.contig[s - 1]) b++;
    blockOf[s] = b;
  }
  return { blockOf, blocks: m.S ? b + 1 : 0 };
}

/** The blocks' level, and for each of the slots' options the block option that holds it. */
function blockLevel(m: Model, pre: Prepared, blockOf: Int32Array, B: number): { level: Level; ofSlotOption: Int32Array } {
  const { S, P, M } = m;
  const wCap = new Float64Array(P * B);
  for (let p = 0; p < P; p++) for (let s = 0; s < S; s++) wCap[p * B + blockOf[s]!]! += m.pAvail[p * S + s]!;
  const width = new Int32Array(B);
  for (let s = 0; s < S; s++) width[blockOf[s]!]!++;
  const setCap = new Float64Array(pre.sets * B);
  for (let t = 0; t < pre.sets; t++) for (let s = 0; s < S; s++) setCap[t * B + blockOf[s]!]! += pre.setCap[t * S + s]!;
  const optStart = new Int32Array(M + 1);
  const opts: number[] = [];
  const ofSlotOption = new Int32Array(pre.optSlot.length);
  const at = new Int32Array(B).fill(-1); // the block's option of the meeting in hand, once it has one
  for (let k = 0; k < M; k++) {
    optStart[k] = opts.length;
    for (let o = pre.optStart[k]!; o < pre.optStart[k + 1]!; o++) {
      const b = blockOf[pre.optSlot[o]!]!;
      if (at[b]! < optStart[k]!) {
        at[b] = opts.length;
        opts.push(b);
      }
      ofSlotOption[o] = at[b]!;
    }
  }
  optStart[M] = opts.length;
  return { level: { S: B, optStart, optSlot: Int32Array.from(opts), wCap, width, setCap }, ofSlotOption };
}

/** The blocks' multipliers on the slots: each slot's the price of its block (L is the same). */
function blocksToSlots(m: Model, pre: Prepared, blockOf: Int32Array, B: number, from: Float64Array): Float64Array {
  const { S, P } = m;
  const T = pre.sets;
  // Layouts (see descend): w, y, on, off, mu.
  const to = new Float64Array(P * S + P + 2 * S + T * S);
  for (let p = 0; p < P; p++) for (let s = 0; s < S; s++) if (m.pAvail[p * S + s]) to[p * S + s] = from[p * B + blockOf[s]!]!;
  for (let p = 0; p < P; p++) to[P * S + p] = from[P * B + p]!;
  for (let s = 0; s < S; s++) {
    to[P * S + P + s] = from[P * B + P + blockOf[s]!]!;
    to[P * S + P + S + s] = from[P * B + P + B + blockOf[s]!]!;
    for (let t = 0; t < T; t++) to[P * S + P + 2 * S + t * S + s] = from[P * B + P + 2 * B + t * B + blockOf[s]!]!;
  }
  return to;
}

interface Descent {
  /** The smallest L met. */
  best: number;
  /** L at the start. */
  first: number;
  iterations: number;
  /** How often each of the level's options was the subproblem's choice in the second half of the steps. */
  guide: Float64Array;
  /** The multipliers where L was smallest. */
  at: Float64Array;
}

interface DescentOptions {
  deadline: number;
  maxIterations: number;
  /** Stop once L is down to this (a known plan's value). */
  target: number;
  now: () => number;
  stepSize: number;
  stepDecay: number | undefined;
  /** Where to start (the degree prices if not given). */
  start?: Float64Array;
  /** Stop after this many steps if L has not gone below its start. */
  probe?: number;
}

/** Projected subgradient steps (Adam) on one level's multipliers. */
function descend(m: Model, pre: Prepared, lv: Level, o: DescentOptions): Descent {
  const { now, deadline, maxIterations } = o;
  const { M, P } = m;
  const { S, optStart, optSlot, setCap, wCap, width } = lv;
  const { cls, setsOfClass } = pre;
  const T = pre.sets;
  const C = pre.classes;

  // All multipliers in one array: w (P x S), y (P), on (S), off (S), mu (T x S); with their
  // capacities, and whether each may leave 0 at all.
  const W = 0;
  const Y = P * S;
  const ON = Y + P;
  const OFF = ON + S;
  const MU = OFF + S;
  const N = MU + T * S;
  const lam = new Float64Array(N);
  const cap = new Float64Array(N);
  const active = new Uint8Array(N);
  for (let i = 0; i < P * S; i++) {
    cap[W + i] = wCap[i]!;
    active[W + i] = wCap[i]! > 0 ? 1 : 0;
  }
  for (let p = 0; p < P; p++) {
    cap[Y + p] = m.pMax[p]!;
    active[Y + p] = m.pMax[p]! < pre.availCount[p]! ? 1 : 0; // otherwise (b) already implies (c)
  }
  for (let s = 0; s < S; s++) {
    cap[ON + s] = m.tables * width[s]!;
    cap[OFF + s] = m.rooms * width[s]!;
    active[ON + s] = active[OFF + s] = 1;
  }
  for (let i = 0; i < T * S; i++) {
    cap[MU + i] = setCap[i]!;
    active[MU + i] = 1;
  }
  // Only these multipliers ever leave 0 (the others stay 0 and add nothing to L).
  const activeList = Int32Array.from({ length: N }, (_, i) => i).filter((i) => active[i] === 1);
  if (o.start) lam.set(o.start);
  else {
    const start = degreePrices(m, pre);
    for (let p = 0; p < P; p++) {
      if (active[Y + p]) lam[Y + p] = start[p]!;
      else for (let s = 0; s < S; s++) if (active[W + p * S + s]) lam[W + p * S + s] = start[p]!;
    }
  }

  const use = new Int32Array(N);
  const muCost = new Float64Array(Math.max(1, C) * S);
  // Usage by class and slot, spread over the class's sets once per evaluation (not per meeting).
  const classUse = new Int32Array(Math.max(1, C) * S);
  // How often each option was the subproblem's choice in the second half of the search: a rough
  // picture of the relaxation's solution, for the solver's guided construction.
  const guide = new Float64Array(optSlot.length);
  /** L(at), filling `into` with the usage of the relaxed constraints by the subproblem's choice. */
  const evaluate = (at: Float64Array, into: Int32Array, record: boolean): number => {
    into.fill(0);
    muCost.fill(0);
    classUse.fill(0);
    for (let c = 0; c < C; c++) for (const t of setsOfClass[c]!) for (let s = 0; s < S; s++) muCost[c * S + s]! += at[MU + t * S + s]!;
    let total = 0;
    for (let k = 0; k < M; k++) {
      const o0 = optStart[k]!;
      const o1 = optStart[k + 1]!;
      if (o0 === o1) continue;
      const a = m.mA[k]!;
      const b = m.mB[k]!;
      const c = cls[k]!;
      const onsite = m.mOnsite[k] && m.tables > 0;
      const online = m.mOnline[k] && m.rooms > 0;
      const base = m.mValue[k]! - at[Y + a]! - at[Y + b]!;
      if (base <= 0) continue; // every other price only lowers it further: no option pays
      let best = 0;
      let bestO = -1;
      let bestMode = 0;
      const rowA = W + a * S;
      const rowB = W + b * S;
      const rowC = c >= 0 ? c * S : -1;
      for (let o = o0; o < o1; o++) {
        const s = optSlot[o]!;
        let r = base - at[rowA + s]! - at[rowB + s]!;
        if (rowC >= 0) r -= muCost[rowC + s]!;
        if (r <= best) continue;
        const r0 = onsite ? r - at[ON + s]! : -Infinity;
        const r1 = online ? r - at[OFF + s]! : -Infinity;
        if (r0 > best && r0 >= r1) {
          best = r0;
          bestO = o;
          bestMode = 0;
        } else if (r1 > best) {
          best = r1;
          bestO = o;
          bestMode = 1;
        }
      }
      if (bestO < 0) continue;
      const s = optSlot[bestO]!;
      if (record) guide[bestO]!++;
      total += best;
      into[W + a * S + s]!++;
      into[W + b * S + s]!++;
      into[Y + a]!++;
      into[Y + b]!++;
      into[(bestMode === 0 ? ON : OFF) + s]!++;
      if (c >= 0) classUse[c * S + s]!++;
    }
    for (let c = 0; c < C; c++) for (const t of setsOfClass[c]!) for (let s = 0; s < S; s++) into[MU + t * S + s]! += classUse[c * S + s]!;
    for (let j = 0; j < activeList.length; j++) {
      const i = activeList[j]!;
      total += at[i]! * cap[i]!;
    }
    return total;
  };

  // Adam steps along the subgradient (capacity - usage), projected on lambda >= 0; the step size
  // shrinks geometrically over the planned iterations. Any lambda gives a valid bound; Adam's
  // per-coordinate scaling just finds small ones much faster than plain subgradient steps here.
  const first = new Float64Array(N);
  const second = new Float64Array(N);
  const b1 = 0.9;
  const b2 = 0.999;
  // The mean of the last few steps (see below), and usage scratch for evaluating it.
  const mean = new Float64Array(N);
  const scratch = new Int32Array(N);
  let averaged = 0;
  const evalStart = now();
  let best = evaluate(lam, use, false);
  const bestAt = Float64Array.from(lam);
  const evalMillis = Math.max(1e-3, now() - evalStart);
  const degree = best;
  const target = o.target;
  let iterations = 0;
  let b1t = 1;
  let b2t = 1;
  const lr0 = o.stepSize;
  const decay = o.stepDecay ?? 0.0001;
  // Plan the number of steps by the time one evaluation took (the step size schedule spans them).
  let planned = Math.max(Math.min(24, maxIterations), Math.min(maxIterations, Math.floor((deadline - now()) / (1.4 * evalMillis))));
  let loopStart = now();
  // (The plain bound counts too: a plan worth it needs no search.)
  while (iterations < planned && now() < deadline && Math.min(best, pre.trivial) - target > 1e-9 * Math.abs(best)) {
    iterations++;
    if (iterations === 8) loopStart = now();
    if (iterations >= 24 && iterations % 32 === 24) {
      // The first evaluations run before the engine has compiled them, and the machine's speed
      // varies: plan again, from the steady speed so far, every few dozen steps.
      const perIteration = (now() - loopStart) / (iterations - 8);
      planned = Math.max(iterations + 1, Math.min(maxIterations, iterations + Math.floor((deadline - now()) / (1.05 * perIteration))));
    }
    b1t *= b1;
    b2t *= b2;
    // Few planned steps cannot afford to shrink so far (on hanoi-30k, 150 steps end at 16,070 with a
    // final factor of 0.02 and at 17,300 with 0.001; 300 steps do better with 0.001).
    const few = Math.min(1, Math.max(0, (300 - planned) / 150));
    const lr = lr0 * (o.stepDecay ?? decay ** (1 - few) * 0.02 ** few) ** (iterations / planned);
    const c1 = 1 / (1 - b1t);
    const c2 = 1 / (1 - b2t);
    for (let j = 0; j < activeList.length; j++) {
      const i = activeList[j]!;
      const g = cap[i]! - use[i]!;
      const f = (first[i] = b1 * first[i]! + (1 - b1) * g);
      const v = (second[i] = b2 * second[i]! + (1 - b2) * g * g);
      const next = lam[i]! - (lr * f * c1) / (Math.sqrt(v * c2) + 1e-8);
      lam[i] = Math.max(next, 0);
    }
    const late = iterations > planned / 2;
    if (late) {
      // The steps zigzag around the optimum: L is convex, so at the mean of the last few steps it is
      // at most their mean, and often below each of them.
      averaged++;
      for (let j = 0; j < activeList.length; j++) {
        const i = activeList[j]!;
        mean[i]! += (lam[i]! - mean[i]!) / averaged;
      }
      if (averaged === AVERAGE_EVERY) {
        const atMean = evaluate(mean, scratch, false);
        if (atMean < best) {
          best = atMean;
          bestAt.set(mean);
        }
        averaged = 0;
      }
    }
    const value = evaluate(lam, use, late);
    if (value < best) {
      best = value;
      bestAt.set(lam);
    }
    if (iterations === o.probe && best >= degree) break;
  }
  if (averaged > 0) {
    const atMean = evaluate(mean, scratch, false);
    if (atMean < best) {
      best = atMean;
      bestAt.set(mean);
    }
  }
  return { best, first: degree, iterations, guide, at: bestAt };
}

export function lagrangianBound(m: Model, options: BoundOptions = {}): BoundResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimitMs ?? 1000);
  const maxIterations = options.maxIterations ?? 1000;
  const pre = prepare(m);
  const search = { deadline, now, target: options.lowerBound ?? 0, stepDecay: options.stepDecay };
  // (The plain bound counts too: a plan worth it needs no search.)
  const met = (x: number) => Math.min(x, pre.trivial) - search.target <= 1e-9 * Math.abs(x);
  const { blockOf, blocks } = slotBlocks(m);
  let blockRun: Descent | null = null;
  let ofSlotOption: Int32Array | null = null;
  if (blocks < m.S && !met(pre.trivial)) {
    const block = blockLevel(m, pre, blockOf, blocks);
    ofSlotOption = block.ofSlotOption;
    blockRun = descend(m, pre, block.level, {
      ...search,
      stepSize: options.stepSize ?? BLOCK_STEP_SIZE,
      maxIterations: Math.min(maxIterations, BLOCK_STEPS),
    });
  }
  let slotRun: Descent | null = null;
  const slotMs = options.slotTimeLimitMs ?? Number.POSITIVE_INFINITY;
  if (!blockRun || (!met(blockRun.best) && now() < deadline)) {
    slotRun = descend(m, pre, slotLevel(m, pre), {
      ...search,
      stepSize: options.stepSize ?? SLOT_STEP_SIZE,
      maxIterations,
      ...(blockRun && slotMs > 0 ? { deadline: Math.min(deadline, now() + slotMs) } : {}),
      ...(blockRun && slotMs <= 0 ? { start: blocksToSlots(m, pre, blockOf, blocks, blockRun.at), probe: SLOT_PROBE } : {}),
    });
  }
  // The guide of the search that went lowest (the slots' from the blocks' multipliers starts at
  // their L, up to rounding, so it takes over only below that). A block's choices say how often the
  // relaxation holds a meeting, not where: the slots' own search, even far from its bound, says
  // where (hanoi-30k: the guided plans reach 15,802 after 1 s of it, 15,708 without); without it
  // each of the meeting's slots gets an equal share (Hanoi, 1 s: 2,813; each block's count on its
  // own slots, 2,802).
  const slotsLower = !!slotRun && (!blockRun || slotRun.best < blockRun.best - 1e-9 * Math.abs(blockRun.best));
  let best: number;
  let weight: Float64Array;
  if (slotsLower || !blockRun) {
    best = slotRun!.best;
    weight = slotRun!.guide;
  } else {
    best = blockRun.best;
    weight = new Float64Array(pre.optSlot.length);
    const where = slotRun?.guide;
    for (let k = 0; k < m.M; k++) {
      const o0 = pre.optStart[k]!;
      const o1 = pre.optStart[k + 1]!;
      let held = 0;
      let last = -1;
      let chosen = 0;
      for (let o = o0; o < o1; o++) {
        const b = ofSlotOption![o]!;
        if (b !== last) held += blockRun.guide[b]!;
        last = b;
        chosen += where ? where[o]! : 0;
      }
      for (let o = o0; o < o1; o++) weight[o] = chosen > 0 ? (held * where![o]!) / chosen : held / (o1 - o0);
    }
  }
  // Cut short, the blocks' search may not have come down yet (a few dozen steps first climb).
  if (blockRun && blockRun.iterations < Math.min(maxIterations, BLOCK_STEPS) / 2) best = Math.min(best, slotFreeBound(m, pre));
  const bound = Math.min(pre.trivial, best * (1 + 1e-9) + 1e-9);
  return {
    bound,
    trivial: pre.trivial,
    degree: (blockRun ?? slotRun)!.first,
    iterations: (blockRun?.iterations ?? 0) + (slotRun?.iterations ?? 0),
    millis: now() - started,
    guide: { optStart: pre.optStart, optSlot: pre.optSlot, weight },
  };
}

/** The bound of an instance (first-fit's value could be passed as options.lowerBound to speed it). */
export function upperBound(inst: Instance, options: BoundOptions = {}): BoundResult {
  return lagrangianBound(buildModel(inst), options);
}
