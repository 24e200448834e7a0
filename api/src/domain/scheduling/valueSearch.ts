import type { Model } from "./model";
import { NONE, type ScheduleState } from "./state";
import type { Random } from "../random";
import { VALUE_TOLERANCE } from "./planOrder";

/** The slots where meeting k could ever be held: both sides available, allowed, an interpreter there. */
export function staticSlots(m: Model): Int32Array[] {
  const out: Int32Array[] = [];
  for (let k = 0; k < m.M; k++) {
    const a = m.mA[k]!;
    const b = m.mB[k]!;
    const allowed = m.mSlots[k];
    const list: number[] = [];
    const modes = (m.mOnsite[k] && m.tables > 0) || (m.mOnline[k] && m.rooms > 0);
    for (let s = 0; modes && s < m.S; s++) {
      if ((allowed && !allowed[s]) || !m.pAvail[a * m.S + s] || !m.pAvail[b * m.S + s]) continue;
      if (m.mNeedsInterpreter[k] && !m.mInterpreters[k]!.some((i) => m.iAvail[i * m.S + s])) continue;
      list.push(s);
    }
    out.push(Int32Array.from(list));
  }
  return out;
}

/** Changes made by one move, in order, to be undone when it does not pay. */
export class Journal {
  private ops: number[] = []; // (kind, k, s, mode, interp) per change; kind 0 removed, 1 placed, 2 retouched
  private readonly hook = (c: number, mode: 0 | 1, interp: number) => void this.ops.push(2, c, 0, mode, interp);
  constructor(private readonly st: ScheduleState) {}
  /** Starts recording (also what makeRoom changes). */
  begin() {
    this.ops.length = 0;
    this.st.onRetouch = this.hook;
  }
  remove(k: number) {
    const { st } = this;
    this.ops.push(0, k, st.slotOf[k]!, st.modeOf[k]!, st.interpOf[k]!);
    st.remove(k);
  }
  place(k: number, s: number, mode: 0 | 1, interp: number) {
    this.st.place(k, s, mode, interp);
    this.ops.push(1, k, s, mode, interp);
  }
  /** A point to undo back to (undoTo), within one recorded move. */
  mark(): number {
    return this.ops.length;
  }
  undoTo(mark: number) {
    const { st, ops } = this;
    const hook = st.onRetouch;
    st.onRetouch = null;
    for (let i = ops.length - 5; i >= mark; i -= 5) {
      const k = ops[i + 1]!;
      if (ops[i] === 0) st.place(k, ops[i + 2]!, ops[i + 3] as 0 | 1, ops[i + 4]!);
      else if (ops[i] === 1) st.remove(k);
      else st.retouch(k, ops[i + 3] as 0 | 1, ops[i + 4]!);
    }
    ops.length = mark;
    st.onRetouch = hook;
  }
  undo() {
    const { st, ops } = this;
    st.onRetouch = null;
    for (let i = ops.length - 5; i >= 0; i -= 5) {
      const k = ops[i + 1]!;
      if (ops[i] === 0) st.place(k, ops[i + 2]!, ops[i + 3] as 0 | 1, ops[i + 4]!);
      else if (ops[i] === 1) st.remove(k);
      else st.retouch(k, ops[i + 3] as 0 | 1, ops[i + 4]!);
    }
    ops.length = 0;
  }
  commit() {
    this.st.onRetouch = null;
    this.ops.length = 0;
  }
}

/**
 * Value moves: put an unscheduled meeting u into one of its slots, evicting what stands in the way
 * (the two sides' meetings there, one meeting of a side at its cap, one meeting holding the table,
 * room or interpreter u needs), then try to re-place every evicted meeting in another slot. The
 * move is kept when the value does not drop by more than `tolerance`.
 */
/** How many levels down an evicted meeting may itself evict others (insert). */
const DEPTH = 1;

export class ValueSearch {
  private readonly journal: Journal;
  readonly slots: Int32Array[];

  constructor(
    private readonly st: ScheduleState,
    private readonly random: Random,
    slots?: Int32Array[],
  ) {
    this.slots = slots ?? staticSlots(st.m);
    this.journal = new Journal(st);
  }

  /** Places unscheduled k directly where it fits, making room at no cost; false when it fits nowhere. */
  tryPlace(k: number): boolean {
    this.journal.begin();
    const ok = this.placeDirect(k);
    this.journal.commit();
    return ok;
  }

  /** Places k directly in a slot of its own where it fits (first from a random start); false when none. */
  private placeDirect(k: number, avoid = NONE): boolean {
    const { st } = this;
    const opts = this.slots[k]!;
    const n = opts.length;
    if (!n) return false;
    const start = Math.floor(this.random.next() * n);
    for (let i = 0; i < n; i++) {
      const s = opts[(start + i) % n]!;
      if (s === avoid || !st.participantsFit(k, s)) continue;
      const r = st.makeRoom(k, s);
      if (r) {
        this.journal.place(k, s, r.mode, r.interp);
        return true;
      }
    }
    return false;
  }

  /** The cheapest scheduled meeting of p other than `except` (what p gives up when at its cap). */
  private cheapestOf(p: number, except: number): number {
    const { st } = this;
    const { m } = st;
    let best = NONE;
    for (let s = 0; s < m.S; s++) {
      const c = st.busy[p * m.S + s]!;
      if (c !== NONE && c !== except && (best === NONE || m.mValue[c]! < m.mValue[best]!)) best = c;
    }
    return best;
  }

  /** The cheapest meeting in slot s whose removal would give u a table, a room or an interpreter. */
  private cheapestResourceHolder(u: number, s: number): number {
    const { st } = this;
    const { m } = st;
    let best = NONE;
    const tablesFull = st.onsite[s]! >= m.tables;
    const roomsFull = st.online[s]! >= m.rooms;
    const needInterp = m.mNeedsInterpreter[u] === 1 && !m.mInterpreters[u]!.some((i) => st.interpreterFree(i, s, u));
    const modeBlocked = !((m.mOnsite[u] && !tablesFull) || (m.mOnline[u] && !roomsFull));
    const frees = (c: number) => !modeBlocked || (st.modeOf[c] === 0 ? m.mOnsite[u] : m.mOnline[u]);
    if (needInterp) {
      // Only the meetings held by u's interpreters can free one.
      for (const i of m.mInterpreters[u]!) {
        const c = st.interpAt[i * m.S + s]!;
        if (c !== NONE && frees(c) && (best === NONE || m.mValue[c]! < m.mValue[best]!)) best = c;
      }
      return best;
    }
    for (let j = 0; j < st.held(s); j++) {
      const c = st.heldAt(s, j);
      if (frees(c) && (best === NONE || m.mValue[c]! < m.mValue[best]!)) best = c;
    }
    return best;
  }

  /** Tries to insert unscheduled u; returns the change in value (0 when nothing changed). */
  insert(u: number, tolerance: number, maxSlots = 4, depth = DEPTH): number {
    const { st } = this;
    if (!this.slots[u]!.length || st.slotOf[u] !== NONE) return 0;
    this.journal.begin();
    const gain = this.insertAt(u, tolerance, maxSlots, depth, NONE);
    if (gain > -tolerance && st.slotOf[u] !== NONE) {
      this.journal.commit();
      return gain;
    }
    this.journal.undo();
    return 0;
  }

  /**
   * The body of insert, inside a recorded move: tries u's slots (the `maxSlots` whose blockers are
   * worth least), evicting what is in the way; each evicted meeting is re-placed directly elsewhere
   * or, `depth` more levels down, inserted the same way. Keeps the first attempt that gains more than
   * -tolerance; otherwise leaves the plan as it was and returns 0.
   */
  private insertAt(u: number, tolerance: number, maxSlots: number, depth: number, avoid: number): number {
    const { st } = this;
    const { m } = st;
    const opts = this.slots[u]!;
    const a = m.mA[u]!;
    const b = m.mB[u]!;
    if (m.pMax[a] === 0 || m.pMax[b] === 0) return 0;
    const vu = m.mValue[u]!;
    // Rank the slots by the value of what is in the way (a first estimate).
    const n = opts.length;
    const cand: { s: number; loss: number }[] = [];
    const start = Math.floor(this.random.next() * n);
    for (let i = 0; i < n; i++) {
      const s = opts[(start + i) % n]!;
      if (s === avoid) continue;
      const ca = st.busy[a * m.S + s]!;
      const cb = st.busy[b * m.S + s]!;
      const loss = (ca !== NONE ? m.mValue[ca]! : 0) + (cb !== NONE && cb !== ca ? m.mValue[cb]! : 0);
      if (loss >= vu + tolerance) continue;
      cand.push({ s, loss });
    }
    cand.sort((x, y) => x.loss - y.loss);
    const j = this.journal;
    for (let ci = 0; ci < Math.min(maxSlots, cand.length); ci++) {
      const s = cand[ci]!.s;
      const before = st.value;
      const mark = j.mark();
      const evicted: number[] = [];
      const evict = (c: number) => {
        if (c === NONE || st.slotOf[c] === NONE) return;
        j.remove(c);
        evicted.push(c);
      };
      evict(st.busy[a * m.S + s]!);
      evict(st.busy[b * m.S + s]!);
      if (st.count[a]! >= m.pMax[a]!) evict(this.cheapestOf(a, u));
      if (st.count[b]! >= m.pMax[b]!) evict(this.cheapestOf(b, u));
      let r = st.participantsFit(u, s) ? st.makeRoom(u, s) : null;
      if (!r && st.participantsFit(u, s)) {
        evict(this.cheapestResourceHolder(u, s));
        r = st.makeRoom(u, s);
      }
      if (!r) {
        j.undoTo(mark);
        continue;
      }
      j.place(u, s, r.mode, r.interp);
      // Most valuable first: re-place what was evicted, elsewhere.
      evicted.sort((x, y) => m.mValue[y]! - m.mValue[x]!);
      for (const c of evicted) if (!this.placeDirect(c, s) && depth > 0) this.insertAt(c, -VALUE_TOLERANCE, 2, depth - 1, s);
      const gain = st.value - before;
      if (gain > -tolerance) return gain;
      j.undoTo(mark);
    }
    return 0;
  }
}
