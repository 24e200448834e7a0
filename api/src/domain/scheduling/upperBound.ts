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

/** How many steps (of the second half) are averaged before the bound is also evaluated at their mean. */
const AVERAGE_EVERY = 64;

export function lagrangianBound(m: Model, options: BoundOptions = {}): BoundResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimitMs ?? 1000);
  const maxIterations = options.maxIterations ?? 1000;
  const { S, M, P } = m;
  const pre = prepare(m);
  const { optStart, optSlot, cls, setsOfClass, setCap } = pre;
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
    cap[W + i] = 1;
    active[W + i] = m.pAvail[i]!;
  }
  for (let p = 0; p < P; p++) {
    cap[Y + p] = m.pMax[p]!;
    active[Y + p] = m.pMax[p]! < pre.availCount[p]! ? 1 : 0; // otherwise (b) already implies (c)
  }
  for (let s = 0; s < S; s++) {
    cap[ON + s] = m.tables;
    cap[OFF + s] = m.rooms;
    active[ON + s] = active[OFF + s] = 1;
  }
  for (let i = 0; i < T * S; i++) {
    cap[MU + i] = setCap[i]!;
    active[MU + i] = 1;
  }
  // Only these multipliers ever leave 0 (the others stay 0 and add nothing to L).
  const activeList = Int32Array.from({ length: N }, (_, i) => i).filter((i) => active[i] === 1);
  const start = degreePrices(m, pre);
  for (let p = 0; p < P; p++) {
    if (active[Y + p]) lam[Y + p] = start[p]!;
    else for (let s = 0; s < S; s++) if (m.pAvail[p * S + s]) lam[W + p * S + s] = start[p]!;
  }

  const use = new Int32Array(N);
  const muCost = new Float64Array(Math.max(1, C) * S);
  // How often each option was the subproblem's choice in the second half of the search: a rough
  // picture of the relaxation's solution, for the solver's guided construction.
  const guide = new Float64Array(optSlot.length);

  /** L(at), filling `into` with the usage of the relaxed constraints by the subproblem's choice. */
  const evaluate = (at: Float64Array, into: Int32Array, record: boolean): number => {
    into.fill(0);
    muCost.fill(0);
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
      if (c >= 0) for (const t of setsOfClass[c]!) into[MU + t * S + s]!++;
    }
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
  const evalMillis = Math.max(1e-3, now() - evalStart);
  const degree = best;
  const target = options.lowerBound ?? 0;
  let iterations = 0;
  let b1t = 1;
  let b2t = 1;
  const lr0 = options.stepSize ?? 0.3;
  const decay = options.stepDecay ?? 0.0001;
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
    const lr = lr0 * (options.stepDecay ?? decay ** (1 - few) * 0.02 ** few) ** (iterations / planned);
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
        best = Math.min(best, evaluate(mean, scratch, false));
        averaged = 0;
      }
    }
    const value = evaluate(lam, use, late);
    if (value < best) best = value;
  }
  if (averaged > 0) best = Math.min(best, evaluate(mean, scratch, false));
  const bound = Math.min(pre.trivial, best * (1 + 1e-9) + 1e-9);
  return { bound, trivial: pre.trivial, degree, iterations, millis: now() - started, guide: { optStart, optSlot, weight: guide } };
}

/** The bound of an instance (first-fit's value could be passed as options.lowerBound to speed it). */
export function upperBound(inst: Instance, options: BoundOptions = {}): BoundResult {
  return lagrangianBound(buildModel(inst), options);
}
