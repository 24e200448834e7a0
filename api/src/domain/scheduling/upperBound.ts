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
 * subgradient steps with Polyak step sizes aimed at a known feasible value.
 */
export interface BoundOptions {
  /** The value of some feasible schedule: the target of the step sizes (first-fit's if omitted... 0 works, only slower). */
  lowerBound?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  now?: () => number;
}

export interface BoundResult {
  bound: number;
  /** The plain bound: every meeting that has at least one option. */
  trivial: number;
  /** The slot-free degree bound the search starts from. */
  degree: number;
  iterations: number;
  millis: number;
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

export function lagrangianBound(m: Model, options: BoundOptions = {}): BoundResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimitMs ?? 1000);
  const maxIterations = options.maxIterations ?? 3000;
  const { S, M, P } = m;
  const pre = prepare(m);
  const { optStart, optSlot, cls, setsOfClass, setCap } = pre;
  const T = pre.sets;
  const C = pre.classes;

  // Multipliers.
  const w = new Float64Array(P * S);
  const y = new Float64Array(P);
  const on = new Float64Array(S);
  const off = new Float64Array(S);
  const mu = new Float64Array(T * S);
  // Whether (c) can bind at all: otherwise its multiplier stays 0.
  const yActive = Array.from({ length: P }, (_, p) => m.pMax[p]! < pre.availCount[p]!);
  const start = degreePrices(m, pre);
  for (let p = 0; p < P; p++) {
    if (yActive[p]) y[p] = start[p]!;
    else for (let s = 0; s < S; s++) if (m.pAvail[p * S + s]) w[p * S + s] = start[p]!;
  }

  // Subgradient buffers.
  const useW = new Int32Array(P * S);
  const useY = new Int32Array(P);
  const useOn = new Int32Array(S);
  const useOff = new Int32Array(S);
  const useMu = new Int32Array(T * S);
  const muCost = new Float64Array(Math.max(1, C) * S);

  /** L(lambda), filling the usage of the relaxed constraints by the subproblem's choice. */
  const evaluate = (): number => {
    useW.fill(0);
    useY.fill(0);
    useOn.fill(0);
    useOff.fill(0);
    useMu.fill(0);
    muCost.fill(0);
    for (let c = 0; c < C; c++) for (const t of setsOfClass[c]!) for (let s = 0; s < S; s++) muCost[c * S + s]! += mu[t * S + s]!;
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
      const base = m.mValue[k]! - y[a]! - y[b]!;
      let best = 0;
      let bestS = -1;
      let bestMode = 0;
      for (let o = o0; o < o1; o++) {
        const s = optSlot[o]!;
        let r = base - w[a * S + s]! - w[b * S + s]!;
        if (c >= 0) r -= muCost[c * S + s]!;
        if (r <= best) continue;
        const r0 = onsite ? r - on[s]! : -Infinity;
        const r1 = online ? r - off[s]! : -Infinity;
        if (r0 > best && r0 >= r1) {
          best = r0;
          bestS = s;
          bestMode = 0;
        } else if (r1 > best) {
          best = r1;
          bestS = s;
          bestMode = 1;
        }
      }
      if (bestS < 0) continue;
      total += best;
      useW[a * S + bestS]!++;
      useW[b * S + bestS]!++;
      useY[a]!++;
      useY[b]!++;
      if (bestMode === 0) useOn[bestS]!++;
      else useOff[bestS]!++;
      if (c >= 0) for (const t of setsOfClass[c]!) useMu[t * S + bestS]!++;
    }
    for (let i = 0; i < P * S; i++) total += w[i]!; // capacity 1 (w is 0 where p is unavailable)
    for (let p = 0; p < P; p++) total += y[p]! * m.pMax[p]!;
    for (let s = 0; s < S; s++) total += on[s]! * m.tables + off[s]! * m.rooms;
    for (let i = 0; i < T * S; i++) total += mu[i]! * setCap[i]!;
    return total;
  };

  /** One projected step along the subgradient (capacity - usage); components pinned at 0 are left out. */
  const step = (gap: number, theta: number) => {
    let norm = 0;
    const g2 = (lambda: number, g: number) => (lambda > 0 || g < 0 ? g * g : 0);
    for (let p = 0; p < P; p++) {
      for (let s = 0; s < S; s++) if (m.pAvail[p * S + s]) norm += g2(w[p * S + s]!, 1 - useW[p * S + s]!);
      if (yActive[p]) norm += g2(y[p]!, m.pMax[p]! - useY[p]!);
    }
    for (let s = 0; s < S; s++) norm += g2(on[s]!, m.tables - useOn[s]!) + g2(off[s]!, m.rooms - useOff[s]!);
    for (let i = 0; i < T * S; i++) norm += g2(mu[i]!, setCap[i]! - useMu[i]!);
    if (norm === 0) return false;
    const t = (theta * gap) / norm;
    for (let p = 0; p < P; p++) {
      for (let s = 0; s < S; s++) {
        const i = p * S + s;
        if (m.pAvail[i]) w[i] = Math.max(0, w[i]! - t * (1 - useW[i]!));
      }
      if (yActive[p]) y[p] = Math.max(0, y[p]! - t * (m.pMax[p]! - useY[p]!));
    }
    for (let s = 0; s < S; s++) {
      on[s] = Math.max(0, on[s]! - t * (m.tables - useOn[s]!));
      off[s] = Math.max(0, off[s]! - t * (m.rooms - useOff[s]!));
    }
    for (let i = 0; i < T * S; i++) mu[i] = Math.max(0, mu[i]! - t * (setCap[i]! - useMu[i]!));
    return true;
  };

  let best = evaluate();
  const degree = best;
  const target = Math.min(options.lowerBound ?? 0, best);
  let theta = 1;
  let sinceBest = 0;
  let iterations = 0;
  let value = best;
  while (iterations < maxIterations && now() < deadline && theta > 1e-4) {
    iterations++;
    // Aim a little below the best bound when the known value is already close to it.
    const gap = Math.max(value - target, 1e-3 * Math.max(1, value - target), 1e-6 * value);
    if (!step(gap, theta)) break;
    value = evaluate();
    if (value < best - 1e-9 * Math.abs(best)) {
      best = value;
      sinceBest = 0;
    } else if (++sinceBest >= 25) {
      theta /= 2;
      sinceBest = 0;
    }
    if (best - target <= 1e-9 * Math.abs(best)) break;
  }
  const bound = Math.min(pre.trivial, best * (1 + 1e-9) + 1e-9);
  return { bound, trivial: pre.trivial, degree, iterations, millis: now() - started };
}

/** The bound of an instance (first-fit's value could be passed as options.lowerBound to speed it). */
export function upperBound(inst: Instance, options: BoundOptions = {}): BoundResult {
  return lagrangianBound(buildModel(inst), options);
}
