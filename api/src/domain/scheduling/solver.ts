import type { Instance, Solution } from "./format";
import { buildModel, type Model } from "./model";
import { NONE, ScheduleState } from "./state";
import { createRandom } from "../random";

export interface SolveOptions {
  /** Wall-clock budget; a plan comes back within it whatever the size. */
  timeLimitMs: number;
  seed?: number;
  /** Injected clock (tests and benchmarks); performance.now by default. */
  now?: () => number;
}

export interface SolveResult extends Solution {
  breaks: number;
  stats: { greedyBreaks: number; greedyValue: number; iterations: number; millis: number };
}

/** The break cost of a and b if meeting k sat in slot s (k removed from wherever it is). */
function breaksWith(st: ScheduleState, k: number, s: number, fine: boolean): number {
  const { m } = st;
  const a = m.mA[k]!;
  const b = m.mB[k]!;
  st.busy[a * m.S + s] = k;
  st.busy[b * m.S + s] = k;
  const total = fine ? st.costOf(a) + st.costOf(b) : st.breaksOf(a) + st.breaksOf(b);
  st.busy[a * m.S + s] = NONE;
  st.busy[b * m.S + s] = NONE;
  return total;
}

/** The slot that adds fewest breaks for k (earliest on ties), with its resources; null when none fits. */
function bestSlot(st: ScheduleState, k: number, fine = true) {
  const { m } = st;
  let best: { s: number; cost: number; mode: 0 | 1; interp: number } | null = null;
  for (let s = 0; s < m.S; s++) {
    if (!st.participantsFit(k, s)) continue;
    const r = st.resources(k, s);
    if (!r) continue;
    const cost = breaksWith(st, k, s, fine);
    if (!best || cost < best.cost) best = { s, cost, ...r };
  }
  return best;
}

/** Every slot where k's participants could meet at all (ignoring other meetings). */
function staticOptions(m: Model, k: number): number {
  let n = 0;
  const a = m.mA[k]!;
  const b = m.mB[k]!;
  const allowed = m.mSlots[k];
  for (let s = 0; s < m.S; s++) if (m.pAvail[a * m.S + s] && m.pAvail[b * m.S + s] && (!allowed || allowed[s])) n++;
  return n;
}

/** Puts unscheduled meeting c in the first slot other than `avoid` where it fits; false when none does. */
function relocate(st: ScheduleState, c: number, avoid: number): boolean {
  for (let s = 0; s < st.m.S; s++) {
    if (s === avoid || !st.participantsFit(c, s)) continue;
    const r = st.resources(c, s);
    if (r) {
      st.place(c, s, r.mode, r.interp);
      return true;
    }
  }
  return false;
}

/** Places k by moving the (at most two) meetings in its way elsewhere; undoes everything on failure. */
function placeByEjection(st: ScheduleState, k: number): boolean {
  const { m } = st;
  const a = m.mA[k]!;
  const b = m.mB[k]!;
  for (let s = 0; s < m.S; s++) {
    const allowed = m.mSlots[k];
    if ((allowed && !allowed[s]) || !m.pAvail[a * m.S + s] || !m.pAvail[b * m.S + s]) continue;
    if (st.count[a]! >= m.pMax[a]! || st.count[b]! >= m.pMax[b]!) return false;
    const blockers = [...new Set([st.busy[a * m.S + s]!, st.busy[b * m.S + s]!].filter((x) => x !== NONE))];
    const undo: { k: number; s: number; mode: 0 | 1; interp: number }[] = [];
    let ok = true;
    for (const c of blockers) {
      const old = { k: c, s: st.slotOf[c]!, mode: st.modeOf[c] as 0 | 1, interp: st.interpOf[c]! };
      st.remove(c);
      undo.push(old);
      if (!relocate(st, c, s)) {
        ok = false;
        break;
      }
    }
    let r = ok && st.participantsFit(k, s) ? st.resources(k, s) : null;
    if (ok && !r && st.participantsFit(k, s)) {
      // The slot is full (tables, rooms or interpreters): move one meeting out of it.
      for (let c = 0; c < m.M && !r; c++) {
        if (st.slotOf[c] !== s || c === k) continue;
        const old = { k: c, s, mode: st.modeOf[c] as 0 | 1, interp: st.interpOf[c]! };
        st.remove(c);
        const rk = st.resources(k, s);
        let moved = false;
        if (rk) {
          st.place(k, s, rk.mode, rk.interp);
          moved = relocate(st, c, s);
          st.remove(k);
        }
        if (moved) r = st.resources(k, s);
        else st.place(old.k, old.s, old.mode, old.interp);
      }
    }
    if (r) {
      st.place(k, s, r.mode, r.interp);
      return true;
    }
    // restore
    for (const c of blockers) if (st.slotOf[c] !== NONE) st.remove(c);
    for (const u of undo) st.place(u.k, u.s, u.mode, u.interp);
  }
  return false;
}

/**
 * A Kempe-chain move: the meetings held in slots s1 and s2 form paths and cycles through their
 * participants (each has at most one meeting per slot); swapping the two slots along the one that
 * contains meeting k keeps every participant's "one meeting per slot" rule. Availability, allowed
 * slots, interpreters and per-slot capacity are checked. Returns the change in cost with an undo, or
 * null when the chain cannot move.
 */
function kempeSwap(st: ScheduleState, k: number, s2: number, participants: Set<number>) {
  const { m } = st;
  const s1 = st.slotOf[k]!;
  if (s1 === NONE || s1 === s2) return null;
  participants.clear();
  const chain = new Set<number>([k]);
  const queue = [m.mA[k]!, m.mB[k]!];
  while (queue.length) {
    const p = queue.pop()!;
    if (participants.has(p)) continue;
    participants.add(p);
    for (const s of [s1, s2]) {
      const c = st.busy[p * m.S + s]!;
      if (c !== NONE && !chain.has(c)) {
        chain.add(c);
        queue.push(m.mA[c]!, m.mB[c]!);
      }
    }
  }
  const moves = [...chain].map((c) => ({ c, from: st.slotOf[c]!, to: st.slotOf[c] === s1 ? s2 : s1, mode: st.modeOf[c] as 0 | 1, interp: st.interpOf[c]! }));
  const delta = { onsite: new Map<number, number>(), online: new Map<number, number>() };
  for (const mv of moves) {
    const allowed = m.mSlots[mv.c];
    if (allowed && !allowed[mv.to]) return null;
    if (!m.pAvail[m.mA[mv.c]! * m.S + mv.to] || !m.pAvail[m.mB[mv.c]! * m.S + mv.to]) return null;
    if (mv.interp !== NONE && !m.iAvail[mv.interp * m.S + mv.to]) return null;
    const bucket = mv.mode === 0 ? delta.onsite : delta.online;
    bucket.set(mv.to, (bucket.get(mv.to) ?? 0) + 1);
    bucket.set(mv.from, (bucket.get(mv.from) ?? 0) - 1);
  }
  for (const [s, d] of delta.onsite) if (st.onsite[s]! + d > m.tables) return null;
  for (const [s, d] of delta.online) if (st.online[s]! + d > m.rooms) return null;
  // Interpreters: one moving in must not meet one already there.
  for (const mv of moves) {
    if (mv.interp === NONE || !st.interpBusy[mv.interp * m.S + mv.to]) continue;
    if (!moves.some((o) => o.interp === mv.interp && o.from === mv.to)) return null;
  }
  let before = 0;
  for (const p of participants) before += st.costOf(p);
  for (const mv of moves) st.remove(mv.c);
  for (const mv of moves) st.place(mv.c, mv.to, mv.mode, mv.interp);
  let after = 0;
  for (const p of participants) after += st.costOf(p);
  return {
    delta: after - before,
    undo() {
      for (const mv of moves) st.remove(mv.c);
      for (const mv of moves) st.place(mv.c, mv.from, mv.mode, mv.interp);
    },
  };
}

/**
 * A step on the plateau of equal value: put unscheduled k into a random slot its participants share,
 * evicting what is in the way (their meetings there, or one meeting when the slot is full), when the
 * evicted are worth no more than k. The evicted become the ones to place next.
 */
function ejectionWalk(st: ScheduleState, k: number, random: { next(): number }): boolean {
  const { m } = st;
  const a = m.mA[k]!;
  const b = m.mB[k]!;
  const allowed = m.mSlots[k];
  const s = Math.floor(random.next() * m.S);
  if ((allowed && !allowed[s]) || !m.pAvail[a * m.S + s] || !m.pAvail[b * m.S + s]) return false;
  const evict = [...new Set([st.busy[a * m.S + s]!, st.busy[b * m.S + s]!].filter((x) => x !== NONE))];
  const saved = evict.map((c) => ({ c, mode: st.modeOf[c] as 0 | 1, interp: st.interpOf[c]! }));
  for (const c of evict) st.remove(c);
  const capped = (p: number) => st.count[p]! >= m.pMax[p]!;
  let r = !capped(a) && !capped(b) ? st.resources(k, s) : null;
  if (!r && !capped(a) && !capped(b)) {
    // The slot is full: evict one random meeting held there.
    const there: number[] = [];
    for (let c = 0; c < m.M; c++) if (st.slotOf[c] === s) there.push(c);
    if (there.length) {
      const c = there[Math.floor(random.next() * there.length)]!;
      saved.push({ c, mode: st.modeOf[c] as 0 | 1, interp: st.interpOf[c]! });
      evict.push(c);
      st.remove(c);
      r = st.resources(k, s);
    }
  }
  const lost = evict.reduce((v, c) => v + m.mValue[c]!, 0);
  if (r && lost <= m.mValue[k]!) {
    st.place(k, s, r.mode, r.interp);
    return true;
  }
  for (const { c, mode, interp } of saved) st.place(c, s, mode, interp);
  return false;
}

/**
 * The organiser's auto-scheduler. Maximises total value first (greedy by value, most constrained
 * first, then ejection moves for what is left), then reduces breaks by local search (moving one
 * meeting, or swapping two of one participant's meetings) until the time limit. Pure: no I/O.
 */
export function solve(inst: Instance, options: SolveOptions): SolveResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + options.timeLimitMs;
  const m = buildModel(inst);
  const st = new ScheduleState(m);
  const random = createRandom(options.seed ?? 1);

  const options_ = Array.from({ length: m.M }, (_, k) => staticOptions(m, k));
  const order = Array.from({ length: m.M }, (_, k) => k).sort((x, y) => m.mValue[y]! - m.mValue[x]! || options_[x]! - options_[y]! || x - y);
  for (const k of order) {
    if (now() > deadline) break;
    const best = bestSlot(st, k, false);
    if (best) st.place(k, best.s, best.mode, best.interp);
  }
  for (const k of order) {
    if (now() > deadline) break;
    if (st.slotOf[k] === NONE) placeByEjection(st, k);
  }
  const greedyBreaks = st.totalBreaks();
  const greedyValue = order.reduce((v, k) => v + (st.slotOf[k] !== NONE ? m.mValue[k]! : 0), 0);

  // Local search on breaks: value never drops (scheduled meetings stay scheduled).
  const byParticipant: number[][] = Array.from({ length: m.P }, () => []);
  for (let k = 0; k < m.M; k++) {
    byParticipant[m.mA[k]!]!.push(k);
    byParticipant[m.mB[k]!]!.push(k);
  }
  const valueOf = () => {
    let v = 0;
    for (let k = 0; k < m.M; k++) if (st.slotOf[k] !== NONE) v += m.mValue[k]!;
    return v;
  };
  let bestPlan = { value: valueOf(), breaks: st.totalBreaks(), slotOf: st.slotOf.slice(), modeOf: st.modeOf.slice(), interpOf: st.interpOf.slice() };
  const keepIfBetter = () => {
    const value = valueOf();
    if (value < bestPlan.value - 1e-9) return;
    const breaks = st.totalBreaks();
    if (value > bestPlan.value + 1e-9 || breaks < bestPlan.breaks) bestPlan = { value, breaks, slotOf: st.slotOf.slice(), modeOf: st.modeOf.slice(), interpOf: st.interpOf.slice() };
  };
  const touchedSet = new Set<number>();
  const unscheduledNow = () => order.filter((k) => st.slotOf[k] === NONE);
  let iterations = 0;
  // Value first: until everything fits (or 40% of the time is gone), alternate insertion attempts
  // with random Kempe swaps that reshuffle the plan without losing anything.
  const valueDeadline = started + 0.4 * options.timeLimitMs;
  for (let open = unscheduledNow(); open.length && now() < valueDeadline; open = unscheduledNow()) {
    for (let i = 0; i < 64; i++) {
      const u = open[Math.floor(random.next() * open.length)]!;
      if (st.slotOf[u] !== NONE) continue;
      const direct = bestSlot(st, u);
      if (direct) st.place(u, direct.s, direct.mode, direct.interp);
      else if (!placeByEjection(st, u)) ejectionWalk(st, u, random);
      const k = Math.floor(random.next() * m.M);
      if (st.slotOf[k] !== NONE) kempeSwap(st, k, Math.floor(random.next() * m.S), touchedSet);
    }
    keepIfBetter();
  }
  const searchStart = now();
  let temperature = 3;
  while (now() < deadline && m.M > 0) {
    iterations++;
    // Cooling follows the clock, so a longer time limit means a slower, deeper search.
    if ((iterations & 255) === 0) temperature = 3 * Math.pow(0.05 / 3, Math.min(1, (now() - searchStart) / Math.max(1, deadline - searchStart)));
    if ((iterations & 255) === 0) keepIfBetter();
    // Value first: try again to fit what is still unscheduled, directly, by moving what is in the
    // way, or by a step on the plateau of equal value.
    if ((iterations & 3) === 0) {
      const open = unscheduledNow();
      if (open.length) {
        const u = open[Math.floor(random.next() * open.length)]!;
        const direct = bestSlot(st, u);
        if (direct) st.place(u, direct.s, direct.mode, direct.interp);
        else if (!placeByEjection(st, u)) ejectionWalk(st, u, random);
        keepIfBetter();
        continue;
      }
    }
    const k = Math.floor(random.next() * m.M);
    const from = st.slotOf[k]!;
    if (from === NONE) continue;
    const roll = random.next();
    if (roll < 0.4) {
      // Swap two slots along k's Kempe chain.
      const swap = kempeSwap(st, k, Math.floor(random.next() * m.S), touchedSet);
      if (swap && !(swap.delta <= 0 || random.next() < Math.exp(-swap.delta / temperature))) swap.undo();
    } else if (roll < 0.7) {
      // Move k to its best other slot.
      const before = st.costOf(m.mA[k]!) + st.costOf(m.mB[k]!);
      const old = { mode: st.modeOf[k] as 0 | 1, interp: st.interpOf[k]! };
      st.remove(k);
      const best = bestSlot(st, k);
      const delta = best ? best.cost - before : Infinity;
      if (best && best.s !== from && (delta <= 0 || random.next() < Math.exp(-delta / temperature))) st.place(k, best.s, best.mode, best.interp);
      else st.place(k, from, old.mode, old.interp);
    } else {
      // Swap k with another meeting of one of its participants.
      const p = random.next() < 0.5 ? m.mA[k]! : m.mB[k]!;
      const mine = byParticipant[p]!;
      const j = mine[Math.floor(random.next() * mine.length)]!;
      const to = st.slotOf[j]!;
      if (j === k || to === NONE || to === from) continue;
      const touched = [...new Set([m.mA[k]!, m.mB[k]!, m.mA[j]!, m.mB[j]!])];
      const before = touched.reduce((t, q) => t + st.costOf(q), 0);
      const ok = { k: { mode: st.modeOf[k] as 0 | 1, interp: st.interpOf[k]! }, j: { mode: st.modeOf[j] as 0 | 1, interp: st.interpOf[j]! } };
      st.remove(k);
      st.remove(j);
      const rk = st.participantsFit(k, to) ? st.resources(k, to) : null;
      if (rk) st.place(k, to, rk.mode, rk.interp);
      const rj = rk && st.participantsFit(j, from) ? st.resources(j, from) : null;
      if (rk && rj) {
        st.place(j, from, rj.mode, rj.interp);
        const delta = touched.reduce((t, q) => t + st.costOf(q), 0) - before;
        if (delta <= 0 || random.next() < Math.exp(-delta / temperature)) continue;
        st.remove(j);
      }
      if (rk) st.remove(k);
      st.place(k, from, ok.k.mode, ok.k.interp);
      st.place(j, to, ok.j.mode, ok.j.interp);
    }
  }

  keepIfBetter();
  const final = new ScheduleState(m);
  for (let k = 0; k < m.M; k++) if (bestPlan.slotOf[k] !== NONE) final.place(k, bestPlan.slotOf[k]!, bestPlan.modeOf[k] as 0 | 1, bestPlan.interpOf[k]!);
  const assignments: Solution["assignments"] = [];
  const unscheduled: string[] = [];
  let value = 0;
  inst.meetings.forEach((mt, k) => {
    const s = final.slotOf[k]!;
    if (s === NONE) return unscheduled.push(mt.id);
    value += mt.value;
    const interp = final.interpOf[k]!;
    assignments.push({ meeting: mt.id, slot: inst.slots[s]!.id, mode: final.modeOf[k] === 0 ? "onsite" : "online", interpreter: interp === NONE ? null : inst.interpreters[interp]!.id });
  });
  // A valid bound: every meeting that has at least one slot its two participants share.
  const upperBound = inst.meetings.reduce((v, mt, k) => v + (options_[k]! > 0 ? mt.value : 0), 0);
  return {
    version: 1,
    assignments,
    unscheduled,
    value,
    upperBound,
    breaks: final.totalBreaks(),
    stats: { greedyBreaks, greedyValue, iterations, millis: Math.round(now() - started) },
  };
}
