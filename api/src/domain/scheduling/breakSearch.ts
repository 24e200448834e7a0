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
 * slots, interpreters and per-slot capacity are checked. The swap is made when accept(change in
 * cost) says so; returns that change, or null when the chain cannot move (or is longer than
 * maxChain) or was not accepted.
 */
export function kempeSwap(st: ScheduleState, k: number, s2: number, accept: (delta: number) => boolean, maxChain = Infinity): number | null {
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
  if (st.useMasks) {
    // Every participant of the chain has its s1 and s2 swapped: one busy in only one of them moves
    // from it to the other, one busy in both keeps its day. Priced from the bit masks; the plan
    // changes only for a swap that is taken (most are not).
    let delta = 0;
    for (let i = 0; i < nPeople; i++) {
      const p = w.people[i]!;
      const in1 = st.busy[p * m.S + s1] !== NONE;
      const in2 = st.busy[p * m.S + s2] !== NONE;
      if (in1 !== in2) delta += in1 ? st.moveCost(p, s1, s2) : st.moveCost(p, s2, s1);
    }
    if (!accept(delta)) return null;
    swapChain(st, w.chain, nChain, s1, s2);
    // Interpreters moved with the chain may now work too long in a row: then the swap is undone.
    if (!chainRunsHold(st, w.chain, nChain)) {
      swapChain(st, w.chain, nChain, s1, s2);
      return null;
    }
    return delta;
  }
  let before = 0;
  for (let i = 0; i < nPeople; i++) before += st.costOf(w.people[i]!);
  swapChain(st, w.chain, nChain, s1, s2);
  if (!chainRunsHold(st, w.chain, nChain)) {
    swapChain(st, w.chain, nChain, s1, s2);
    return null;
  }
  let after = 0;
  for (let i = 0; i < nPeople; i++) after += st.costOf(w.people[i]!);
  if (accept(after - before)) return after - before;
  swapChain(st, w.chain, nChain, s1, s2);
  return null;
}

/** The interpreters of chain[0 .. n) are within the run limit where they are now. */
function chainRunsHold(st: ScheduleState, chain: Int32Array, n: number): boolean {
  if (!st.m.maxRun) return true;
  for (let i = 0; i < n; i++) if (!st.runsHold(chain[i]!)) return false;
  return true;
}

/** Moves chain[0 .. n) from s1 to s2 and back, each with its mode and interpreter. */
function swapChain(st: ScheduleState, chain: Int32Array, n: number, s1: number, s2: number) {
  const w = workspace(st);
  for (let i = 0; i < n; i++) {
    const c = chain[i]!;
    w.to[i] = st.slotOf[c] === s1 ? s2 : s1;
    w.mode[i] = st.modeOf[c]!;
    w.interp[i] = st.interpOf[c]!;
    st.remove(c);
  }
  for (let i = 0; i < n; i++) st.place(chain[i]!, w.to[i]!, w.mode[i] as 0 | 1, w.interp[i]!);
}

/** Scratch arrays for kempeSwap, one set per plan. */
interface KempeWorkspace {
  stamp: number;
  mSeen: Int32Array;
  pSeen: Int32Array;
  chain: Int32Array;
  people: Int32Array;
  queue: Int32Array;
  /** Where each chain meeting goes, and its mode and interpreter (swapChain). */
  to: Int32Array;
  mode: Int8Array;
  interp: Int32Array;
}
const workspaces = new WeakMap<ScheduleState, KempeWorkspace>();
function workspace(st: ScheduleState): KempeWorkspace {
  let w = workspaces.get(st);
  if (!w) {
    const { m } = st;
    w = {
      stamp: 0,
      mSeen: new Int32Array(m.M),
      pSeen: new Int32Array(m.P),
      chain: new Int32Array(m.M + 1),
      people: new Int32Array(m.P + 1),
      queue: new Int32Array(2 * m.M + 4),
      to: new Int32Array(m.M + 1),
      mode: new Int8Array(m.M + 1),
      interp: new Int32Array(m.M + 1),
    };
    workspaces.set(st, w);
  }
  return w;
}

/** Moves placed meeting k to its best other slot by cost; returns the change, or null when it stays. */
export function moveToBest(st: ScheduleState, k: number, accept: (delta: number) => boolean, slots?: Int32Array) {
  if (st.useMasks) return moveToBestByMasks(st, k, accept, slots);
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

/**
 * moveToBest priced from bit masks, without taking k out first: the same choice (the cheapest
 * slot, earliest on ties, k's own slot included), and the plan changes only for a move taken.
 */
function moveToBestByMasks(st: ScheduleState, k: number, accept: (delta: number) => boolean, slots?: Int32Array) {
  const { m } = st;
  const from = st.slotOf[k]!;
  const a = m.mA[k]!;
  const b = m.mB[k]!;
  let bestS = NONE;
  let bestCost = Infinity;
  let bestR: { mode: 0 | 1; interp: number } | null = null;
  const n = slots ? slots.length : m.S;
  for (let i = 0; i < n; i++) {
    const s = slots ? slots[i]! : i;
    const fits = s === from || st.participantsFit(k, s);
    if (!fits) continue;
    // The change for both sides if k moved to s (0 for its own slot): the same order as their costs there.
    const cost = st.moveCost(a, from, s) + st.moveCost(b, from, s);
    if (cost >= bestCost) continue;
    if (s !== from) {
      const r = st.resources(k, s);
      if (!r) continue;
      bestR = r;
    }
    bestS = s;
    bestCost = cost;
  }
  if (bestS === NONE || bestS === from) return null;
  const delta = bestCost;
  if (!accept(delta)) return null;
  st.remove(k);
  st.place(k, bestS, bestR!.mode, bestR!.interp);
  return delta;
}

/** Swaps the slots of placed meetings k and j (they share a participant); keeps it if accept(delta). */
export function swapPair(st: ScheduleState, k: number, j: number, accept: (delta: number) => boolean): boolean {
  const { m } = st;
  const from = st.slotOf[k]!;
  const to = st.slotOf[j]!;
  if (j === k || to === NONE || from === NONE || to === from) return false;
  // Check and price the swap before making it (most are not taken).
  if (!st.fitsWithout(k, to, j) || !st.fitsWithout(j, from, k)) return false;
  const rk = st.resourcesWithout(k, to, j);
  const rj = rk && st.resourcesWithout(j, from, k);
  if (!rk || !rj) return false;
  const touched = [...new Set([m.mA[k]!, m.mB[k]!, m.mA[j]!, m.mB[j]!])];
  let delta: number;
  if (st.useMasks) {
    // A side of k only moves from `from` to `to`, a side of j only the other way, a side of both keeps its slots.
    delta = 0;
    for (const q of touched) {
      const inK = q === m.mA[k] || q === m.mB[k];
      const inJ = q === m.mA[j] || q === m.mB[j];
      if (inK !== inJ) delta += inK ? st.moveCost(q, from, to) : st.moveCost(q, to, from);
    }
    if (!accept(delta)) return false;
    const ok = st.placement(k);
    const oj = st.placement(j);
    exchange(st, k, j, to, rk, from, rj);
    // The two interpreters' runs, known only once the meetings sit in their new slots.
    if (st.runsHold(k, j)) return true;
    exchange(st, k, j, from, ok, to, oj);
    return false;
  }
  const before = touched.reduce((t, q) => t + st.costOf(q), 0);
  const ok = st.placement(k);
  const oj = st.placement(j);
  exchange(st, k, j, to, rk, from, rj);
  delta = touched.reduce((t, q) => t + st.costOf(q), 0) - before;
  if (st.runsHold(k, j) && accept(delta)) return true;
  st.remove(k);
  st.remove(j);
  st.place(k, from, ok.mode, ok.interp);
  st.place(j, to, oj.mode, oj.interp);
  return false;
}

/** Takes k and j out and puts k in slot sk with rk, j in slot sj with rj. */
function exchange(
  st: ScheduleState,
  k: number,
  j: number,
  sk: number,
  rk: { mode: 0 | 1; interp: number },
  sj: number,
  rj: { mode: 0 | 1; interp: number },
) {
  st.remove(k);
  st.remove(j);
  st.place(k, sk, rk.mode, rk.interp);
  st.place(j, sj, rj.mode, rj.interp);
}

/**
 * A move aimed at one of participant p's breaks (only with bit masks): a random idle run between
 * two of its meetings on one day, and one of the meetings on its edges moved next to the other
 * side (the gap closes when that meeting was alone on its side) or one slot into it (the gap
 * shrinks), by a Kempe swap, which carries the other participants' meetings along and prices
 * their days too. Returns the change in cost, or null when nothing moved. On the largest fairs
 * most random moves land on days with no break; these start where the breaks are.
 */
export function closeGap(st: ScheduleState, p: number, random: () => number, accept: (delta: number) => boolean): number | null {
  if (!st.useMasks) return null;
  const days = st.dayCount;
  const first = Math.floor(random() * days);
  for (let i = 0; i < days; i++) {
    const d = (first + i) % days;
    const w = st.dayWord(p, d);
    if ((w & (w - 1)) === 0) continue;
    const lo = 31 - Math.clz32(w & -w);
    const hi = 31 - Math.clz32(w);
    // Idle runs inside [lo, hi]: pick one at random (reservoir of one).
    let gapStart = -1;
    let gapEnd = -1;
    let seen = 0;
    for (let bit = lo + 1; bit < hi; bit++) {
      if (w & (1 << bit) || !(w & (1 << (bit - 1)))) continue; // not the start of an idle run
      let end = bit;
      while (!(w & (1 << (end + 1)))) end++;
      if (random() * ++seen < 1) {
        gapStart = bit;
        gapEnd = end;
      }
    }
    if (gapStart < 0) continue;
    const base = st.firstSlotOf(d);
    const left = base + gapStart - 1; // p's meeting just before the gap
    const right = base + gapEnd + 1; // and just after it
    const roll = random();
    const from = roll < 0.5 ? left : right;
    const to = roll < 0.25 ? base + gapEnd : roll < 0.5 ? base + gapStart : roll < 0.75 ? base + gapStart : base + gapEnd;
    const k = st.busy[p * st.m.S + from]!;
    return kempeSwap(st, k, to, accept);
  }
  return null;
}
