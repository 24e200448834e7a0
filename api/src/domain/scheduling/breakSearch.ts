import { NONE, type ScheduleState } from "./state";

/** The break cost of a and b if meeting k sat in slot s (k removed from wherever it is). */
export function breaksWith(st: ScheduleState, k: number, s: number, fine: boolean): number {
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

/** The slot that adds fewest breaks for unscheduled k (earliest on ties), with its resources; null when none fits. */
export function bestSlot(st: ScheduleState, k: number, fine = true, slots?: Int32Array) {
  const { m } = st;
  let best: { s: number; cost: number; mode: 0 | 1; interp: number } | null = null;
  const n = slots ? slots.length : m.S;
  for (let i = 0; i < n; i++) {
    const s = slots ? slots[i]! : i;
    if (!st.participantsFit(k, s)) continue;
    const r = st.resources(k, s);
    if (!r) continue;
    const cost = breaksWith(st, k, s, fine);
    if (!best || cost < best.cost) best = { s, cost, ...r };
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
        if (chain.size > maxChain) return null;
        queue.push(m.mA[c]!, m.mB[c]!);
      }
    }
  }
  const moves = [...chain].map((c) => ({ c, from: st.slotOf[c]!, to: st.slotOf[c] === s1 ? s2 : s1, mode: st.modeOf[c] as 0 | 1, interp: st.interpOf[c]! }));
  let on1 = 0; // change of onsite / online meetings in s1 (s2 gets the opposite)
  let off1 = 0;
  for (const mv of moves) {
    const allowed = m.mSlots[mv.c];
    if (allowed && !allowed[mv.to]) return null;
    if (!m.pAvail[m.mA[mv.c]! * m.S + mv.to] || !m.pAvail[m.mB[mv.c]! * m.S + mv.to]) return null;
    if (mv.interp !== NONE && !m.iAvail[mv.interp * m.S + mv.to]) return null;
    const sign = mv.to === s1 ? 1 : -1;
    if (mv.mode === 0) on1 += sign;
    else off1 += sign;
  }
  if (st.onsite[s1]! + on1 > m.tables || st.onsite[s2]! - on1 > m.tables) return null;
  if (st.online[s1]! + off1 > m.rooms || st.online[s2]! - off1 > m.rooms) return null;
  // Interpreters: one moving in must not meet one already there who stays.
  for (const mv of moves) {
    if (mv.interp === NONE) continue;
    const there = st.interpAt[mv.interp * m.S + mv.to]!;
    if (there !== NONE && !chain.has(there)) return null;
  }
  let before = 0;
  for (const p of participants) before += st.costOf(p);
  for (const mv of moves) st.remove(mv.c);
  for (const mv of moves) st.place(mv.c, mv.to, mv.mode, mv.interp);
  let after = 0;
  for (const p of participants) after += st.costOf(p);
  return {
    delta: after - before,
    size: moves.length,
    undo() {
      for (const mv of moves) st.remove(mv.c);
      for (const mv of moves) st.place(mv.c, mv.from, mv.mode, mv.interp);
    },
  };
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
