import { NONE, type ScheduleState } from "./state";

/** The break cost of a and b if meeting k sat in slot s (k removed from wherever it is). */
export function breaksWith(st: ScheduleState, k: number, s: number, fine: boolean): number {
  const { m } = st;
  const a = m.mA[k]!;
  const b = m.mB[k]!;
  return fine ? st.costWith(a, s) + st.costWith(b, s) : st.breaksWith(a, s) + st.breaksWith(b, s);
}

/** The slot that adds fewest breaks for unscheduled k (earliest on ties), with its resources; null when none fits. */
export function bestSlot(st: ScheduleState, k: number, fine = true, slots?: Int32Array) {
  const { m } = st;
  const a = m.mA[k]!;
  const b = m.mB[k]!;
  let best: { s: number; cost: number; mode: 0 | 1; interp: number } | null = null;
  const n = slots ? slots.length : m.S;
  for (let i = 0; i < n; i++) {
    const s = slots ? slots[i]! : i;
    if (!st.participantsFit(k, s)) continue;
    // The cost first (cheap), the resources only for a slot that would be the best so far.
    const cost = fine ? st.costWith(a, s) + st.costWith(b, s) : st.breaksWith(a, s) + st.breaksWith(b, s);
    if (best && cost >= best.cost) continue;
    const r = st.resources(k, s);
    if (!r) continue;
    best = { s, cost, ...r };
  }
  return best;
}

/**
 * A Kempe-chain move: the meetings held in slots s1 and s2 form paths and cycles through their
 * participants (each has at most one meeting per slot); swapping the two slots along the one that
 * contains meeting k keeps every participant's "one meeting per slot" rule. Availability, allowed
 * slots, interpreters and per-slot capacity are checked. Returns the change in cost with an undo, or
 * null when the chain cannot move (or is longer than maxChain).
 */
export function kempeSwap(st: ScheduleState, k: number, s2: number, participants: Set<number>, maxChain = Infinity) {
  const { m } = st;
  const s1 = st.slotOf[k]!;
  if (s1 === NONE || s1 === s2) return null;
  const w = workspace(st);
  const stamp = ++w.stamp;
  // The chain: meetings (w.chain) and participants (w.people) reached from k through slots s1 and s2.
  let nChain = 0;
  let nPeople = 0;
  let nQueue = 0;
  w.chain[nChain++] = k;
  w.mSeen[k] = stamp;
  w.queue[nQueue++] = m.mA[k]!;
  w.queue[nQueue++] = m.mB[k]!;
  while (nQueue) {
    const p = w.queue[--nQueue]!;
    if (w.pSeen[p] === stamp) continue;
    w.pSeen[p] = stamp;
    w.people[nPeople++] = p;
    for (let side = 0; side < 2; side++) {
      const c = st.busy[p * m.S + (side ? s2 : s1)]!;
      if (c !== NONE && w.mSeen[c] !== stamp) {
        w.mSeen[c] = stamp;
        w.chain[nChain++] = c;
        if (nChain > maxChain) return null;
        w.queue[nQueue++] = m.mA[c]!;
        w.queue[nQueue++] = m.mB[c]!;
      }
    }
  }
  let on1 = 0; // change of onsite / online meetings in s1 (s2 gets the opposite)
  let off1 = 0;
  for (let i = 0; i < nChain; i++) {
    const c = w.chain[i]!;
    const from = st.slotOf[c]!;
    const to = from === s1 ? s2 : s1;
    const allowed = m.mSlots[c];
    if (allowed && !allowed[to]) return null;
    if (!m.pAvail[m.mA[c]! * m.S + to] || !m.pAvail[m.mB[c]! * m.S + to]) return null;
    const interp = st.interpOf[c]!;
    if (interp !== NONE) {
      if (!m.iAvail[interp * m.S + to]) return null;
      // An interpreter moving in must not meet one already there who stays.
      const there = st.interpAt[interp * m.S + to]!;
      if (there !== NONE && w.mSeen[there] !== stamp) return null;
    }
    const sign = to === s1 ? 1 : -1;
    if (st.modeOf[c] === 0) on1 += sign;
    else off1 += sign;
  }
  if (st.onsite[s1]! + on1 > m.tables || st.onsite[s2]! - on1 > m.tables) return null;
  if (st.online[s1]! + off1 > m.rooms || st.online[s2]! - off1 > m.rooms) return null;
  let before = 0;
  for (let i = 0; i < nPeople; i++) before += st.costOf(w.people[i]!);
  const chain = w.chain.slice(0, nChain);
  const swapAll = () => {
    const modes = chain.map((c) => st.modeOf[c]! as 0 | 1);
    const interps = chain.map((c) => st.interpOf[c]!);
    const tos = chain.map((c) => (st.slotOf[c] === s1 ? s2 : s1));
    for (const c of chain) st.remove(c);
    chain.forEach((c, i) => st.place(c, tos[i]!, modes[i]! as 0 | 1, interps[i]!));
  };
  swapAll();
  let after = 0;
  for (let i = 0; i < nPeople; i++) after += st.costOf(w.people[i]!);
  if (participants.size) participants.clear();
  return { delta: after - before, size: nChain, undo: swapAll };
}

/** Scratch arrays for kempeSwap, one set per plan. */
interface KempeWorkspace {
  stamp: number;
  mSeen: Int32Array;
  pSeen: Int32Array;
  chain: Int32Array;
  people: Int32Array;
  queue: Int32Array;
}
const workspaces = new WeakMap<ScheduleState, KempeWorkspace>();
function workspace(st: ScheduleState): KempeWorkspace {
  let w = workspaces.get(st);
  if (!w) {
    const { m } = st;
    w = { stamp: 0, mSeen: new Int32Array(m.M), pSeen: new Int32Array(m.P), chain: new Int32Array(m.M + 1), people: new Int32Array(m.P + 1), queue: new Int32Array(2 * m.M + 4) };
    workspaces.set(st, w);
  }
  return w;
}

/** Moves placed meeting k to its best other slot by cost; returns the change, or null when it stays. */
export function moveToBest(st: ScheduleState, k: number, accept: (delta: number) => boolean, slots?: Int32Array) {
  const { m } = st;
  const from = st.slotOf[k]!;
  const before = st.costOf(m.mA[k]!) + st.costOf(m.mB[k]!);
  const old = st.placement(k);
  st.remove(k);
  const best = bestSlot(st, k, true, slots);
  const delta = best ? best.cost - before : Infinity;
  if (best && best.s !== from && accept(delta)) {
    st.place(k, best.s, best.mode, best.interp);
    return delta;
  }
  st.place(k, from, old.mode, old.interp);
  return null;
}

/** Swaps the slots of placed meetings k and j (they share a participant); keeps it if accept(delta). */
export function swapPair(st: ScheduleState, k: number, j: number, accept: (delta: number) => boolean): boolean {
  const { m } = st;
  const from = st.slotOf[k]!;
  const to = st.slotOf[j]!;
  if (j === k || to === NONE || from === NONE || to === from) return false;
  const touched = [...new Set([m.mA[k]!, m.mB[k]!, m.mA[j]!, m.mB[j]!])];
  const before = touched.reduce((t, q) => t + st.costOf(q), 0);
  const ok = st.placement(k);
  const oj = st.placement(j);
  st.remove(k);
  st.remove(j);
  const rk = st.participantsFit(k, to) ? st.resources(k, to) : null;
  if (rk) st.place(k, to, rk.mode, rk.interp);
  const rj = rk && st.participantsFit(j, from) ? st.resources(j, from) : null;
  if (rk && rj) {
    st.place(j, from, rj.mode, rj.interp);
    const delta = touched.reduce((t, q) => t + st.costOf(q), 0) - before;
    if (accept(delta)) return true;
    st.remove(j);
  }
  if (rk) st.remove(k);
  st.place(k, from, ok.mode, ok.interp);
  st.place(j, to, oj.mode, oj.interp);
  return false;
}
