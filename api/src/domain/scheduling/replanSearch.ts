import type { Model } from "./model";
import { NONE, ScheduleState } from "./state";

/** An interpreter the current plan names who is not in the instance any more: matches none. */
export const GONE = -2;

/**
 * Where each meeting of the plan being re-planned stood (its "home"), in the model's indices.
 * `slot` is NONE for a booked meeting whose slot is gone; `interp` NONE for none, GONE for one gone.
 */
export interface Homes {
  booked: Uint8Array;
  slot: Int32Array;
  mode: Int8Array;
  interp: Int32Array;
}

export interface ReplanWeights {
  /** Value a change told to a booked meeting's firms must buy (a move or a cancellation; see tell). */
  movePenalty: number;
  /** Value one break of a participant is worth, so that among equal choices the fewer breaks win. */
  breakWeight: number;
}

/** What a booked meeting's interpreters are told of a new interpreter, as a share of a move (both firms told). */
export const REASSIGN_TELL = 0.3;
/**
 * What a booked meeting moved to another time tells beyond a switch to video in its own slot (as a
 * share of a move): the firms' day and travel change, so of two moves the one that keeps the time
 * wins unless it costs about five breaks more (a vendor that can no longer travel keeps its hours).
 */
export const TIME_CHANGE_TELL = 0.1;
/** How many meetings holding a table, room or interpreter are tried aside, per slot, to make room. */
const HOLDERS_TRIED = 3;
/** An improvement must gain more than this (values are sums of decimals). */
const MIN_GAIN = 1e-9;

/**
 * The re-planning search: a plan (ScheduleState) with every change journaled so that an attempt is
 * undone exactly, and a score that prices the change from the plan being re-planned:
 *   value - movePenalty * (Σ tell) - breakWeight * breaks,
 * where tell(k) is 1 for a booked meeting moved (another slot or mode) or cancelled, REASSIGN_TELL
 * for one kept in its slot and mode with another interpreter, 0 otherwise. An unplaced meeting is
 * placed by `placeBest`: the best-scoring of its slots, where the two sides' meetings and one
 * meeting holding the table, room or interpreter it needs may be pushed aside (`depth` levels of
 * them, each re-placed the same way), fewest levels first. A booked meeting pushed aside must land
 * again, unless `repairing`. The journal is its own, not valueSearch's Journal, so that the tells
 * are kept in step with every change and every undo.
 */
export class ReplanSearch {
  readonly st: ScheduleState;
  /** Σ tell over the booked meetings, kept in step by every change. */
  private tells: number;
  private readonly ops: number[] = [];
  private readonly rotation: number;
  /**
   * Set while the displaced meetings are re-placed: then a kept meeting's interpreter may be handed
   * over, and a booked meeting pushed aside may be left out (cancelled) when that scores best, so
   * that the more valuable of two booked meetings is kept. Off otherwise: open requests are placed
   * without touching a booked meeting, which changes only for what the change brought.
   */
  repairing = false;

  constructor(
    readonly m: Model,
    readonly homes: Homes,
    readonly slots: Int32Array[],
    readonly weights: ReplanWeights,
    seed = 1,
  ) {
    this.st = new ScheduleState(m);
    let booked = 0;
    for (let k = 0; k < m.M; k++) booked += homes.booked[k]!;
    this.tells = booked;
    this.rotation = seed >>> 0;
  }

  /** What the change to booked meeting k tells its firms and interpreters (see the class comment). */
  tell(k: number): number {
    const { st, homes } = this;
    if (!homes.booked[k]) return 0;
    const s = st.slotOf[k]!;
    if (s === NONE || st.modeOf[k] !== homes.mode[k]) return s !== NONE && s !== homes.slot[k] ? 1 + TIME_CHANGE_TELL : 1;
    if (s !== homes.slot[k]) return 1 + TIME_CHANGE_TELL;
    return st.interpOf[k] === homes.interp[k] ? 0 : REASSIGN_TELL;
  }

  score(): number {
    return this.st.value - this.weights.movePenalty * this.tells - this.weights.breakWeight * this.st.totalBreaks();
  }

  /** Meeting k is booked and where it stood, or kept in its slot and mode: moving it tells its firms. */
  atHome(k: number): boolean {
    return this.homes.booked[k] === 1 && this.tell(k) < 1;
  }

  put(k: number, s: number, mode: 0 | 1, interp: number) {
    this.tells -= this.tell(k);
    this.st.place(k, s, mode, interp);
    this.tells += this.tell(k);
    this.ops.push(1, k, s, mode, interp);
  }

  take(k: number) {
    const { st } = this;
    this.ops.push(0, k, st.slotOf[k]!, st.modeOf[k]!, st.interpOf[k]!);
    this.tells -= this.tell(k);
    st.remove(k);
    this.tells += this.tell(k);
  }

  private retouch(k: number, mode: 0 | 1, interp: number) {
    const { st } = this;
    this.ops.push(2, k, 0, st.modeOf[k]!, st.interpOf[k]!);
    this.tells -= this.tell(k);
    st.retouch(k, mode, interp);
    this.tells += this.tell(k);
  }

  /** A point to undo back to. */
  mark(): number {
    return this.ops.length;
  }

  /** Undoes every change since `mark`, newest first. */
  undoTo(mark: number) {
    const { st, ops } = this;
    for (let i = ops.length - 5; i >= mark; i -= 5) {
      const k = ops[i + 1]!;
      this.tells -= this.tell(k);
      if (ops[i] === 0) st.place(k, ops[i + 2]!, ops[i + 3] as 0 | 1, ops[i + 4]!);
      else if (ops[i] === 1) st.remove(k);
      else st.retouch(k, ops[i + 3] as 0 | 1, ops[i + 4]!);
      this.tells += this.tell(k);
    }
    ops.length = mark;
  }

  /** Forgets the journal: what was done stays. */
  commit() {
    this.ops.length = 0;
  }

  /**
   * The mode and interpreter unplaced u would get in slot s, or null: its own interpreter first,
   * and in its own slot its own mode, so that a meeting put back where it stood is not told.
   */
  fit(u: number, s: number): { mode: 0 | 1; interp: number } | null {
    const { st, m, homes } = this;
    let interp = NONE;
    if (m.mNeedsInterpreter[u]) {
      const own = homes.interp[u]!;
      if (own >= 0 && m.mInterpreters[u]!.includes(own) && st.interpreterFree(own, s, u)) interp = own;
      else
        for (const i of m.mInterpreters[u]!)
          if (st.interpreterFree(i, s, u)) {
            interp = i;
            break;
          }
      if (interp === NONE) return null;
    }
    const table = m.mOnsite[u] === 1 && st.onsite[s]! < m.tables;
    const room = m.mOnline[u] === 1 && st.online[s]! < m.rooms;
    if (s === homes.slot[u] && homes.mode[u] === 1 && room) return { mode: 1, interp };
    if (table) return { mode: 0, interp };
    if (room) return { mode: 1, interp };
    return null;
  }

  /**
   * Frees one of u's interpreters in slot s by handing the meeting she holds there to another free
   * interpreter of its pair (only interpreters are told), then fits u; null, nothing changed, when
   * no hand-over lets u in or when not `repairing`.
   */
  private handOver(u: number, s: number): { mode: 0 | 1; interp: number } | null {
    const { st, m } = this;
    if (!this.repairing || !m.mNeedsInterpreter[u]) return null;
    for (const i of m.mInterpreters[u]!) {
      const c = st.interpAt[i * m.S + s]!;
      if (c === NONE || !m.iAvail[i * m.S + s] || !st.runFits(i, s, u)) continue;
      for (const j of m.mInterpreters[c]!) {
        if (j === i || !st.interpreterFree(j, s, c)) continue;
        const mark = this.mark();
        this.retouch(c, st.modeOf[c] as 0 | 1, j);
        const r = this.fit(u, s);
        if (r) return r;
        this.undoTo(mark);
        break;
      }
    }
    return null;
  }

  /**
   * The n-th best meeting of slot s to push aside so that u gets a table, a room or an interpreter
   * there (NONE when there is none): those whose move tells no one new first (not booked, or
   * already moved), then the cheapest, then by index (so that a replay picks the same).
   */
  private holder(u: number, s: number, n: number): number {
    const { st, m } = this;
    const needsInterp = m.mNeedsInterpreter[u] === 1 && !m.mInterpreters[u]!.some((i) => st.interpreterFree(i, s, u));
    const candidates: number[] = [];
    if (needsInterp) {
      for (const i of m.mInterpreters[u]!) {
        const c = st.interpAt[i * m.S + s]!;
        if (c !== NONE && m.iAvail[i * m.S + s] && st.runFits(i, s, u)) candidates.push(c);
      }
    } else {
      for (let j = 0; j < st.held(s); j++) {
        const c = st.heldAt(s, j);
        if (st.modeOf[c] === 0 ? m.mOnsite[u] : m.mOnline[u]) candidates.push(c);
      }
    }
    const cost = (c: number) => (this.homes.booked[c] ? 1 - this.tell(c) : 0);
    candidates.sort((x, y) => cost(x) - cost(y) || m.mValue[x]! - m.mValue[y]! || x - y);
    return n < candidates.length ? candidates[n]! : NONE;
  }

  /**
   * Puts unplaced u in slot s, pushing aside (depth > 0) the sides' meetings there and, when still
   * needed, the `holderIx`-th holder of what u needs; each pushed aside is re-placed with depth - 1.
   * Returns PLACED (| USED_HOLDER when a holder was pushed aside) or 0; the caller undoes on 0.
   */
  private placeAt(u: number, s: number, depth: number, holderIx: number): number {
    const { st, m } = this;
    const a = m.mA[u]!;
    const b = m.mB[u]!;
    if (st.count[a]! >= m.pMax[a]! || st.count[b]! >= m.pMax[b]!) return 0;
    const pushed: number[] = [];
    for (const p of [a, b]) {
      const c = st.busy[p * m.S + s]!;
      if (c === NONE) continue;
      if (depth === 0) return 0;
      pushed.push(c);
      this.take(c);
    }
    let usedHolder = 0;
    let r = this.fit(u, s) ?? this.handOver(u, s);
    if (!r) {
      if (depth === 0) return 0;
      const h = this.holder(u, s, holderIx);
      if (h === NONE) return 0;
      usedHolder = USED_HOLDER;
      pushed.push(h);
      this.take(h);
      r = this.fit(u, s) ?? this.handOver(u, s);
      if (!r) return usedHolder;
    }
    this.put(u, s, r.mode, r.interp);
    for (const c of pushed) {
      const mustLand = this.homes.booked[c] === 1 && !this.repairing;
      if (!this.placeBest(c, depth - 1, mustLand) && mustLand) return usedHolder;
    }
    return PLACED | usedHolder;
  }

  /**
   * Places unplaced u the best way found with at most `maxDepth` levels pushed aside, fewest levels
   * first; true when placed. Unless `mustPlace`, only when the score gains.
   */
  placeBest(u: number, maxDepth: number, mustPlace: boolean, deadline = Infinity, now?: () => number): boolean {
    for (let depth = 0; depth <= maxDepth; depth++) {
      if (depth > 0 && now && now() > deadline) return false;
      if (this.placeBestAt(u, depth, mustPlace)) return true;
    }
    return false;
  }

  private placeBestAt(u: number, depth: number, mustPlace: boolean): boolean {
    const { st, m } = this;
    const options = this.slots[u]!;
    const n = options.length;
    if (!n || st.slotOf[u] !== NONE) return false;
    const base = this.score();
    const { movePenalty } = this.weights;
    let bestGain = mustPlace ? -Infinity : MIN_GAIN;
    let bestSlot = NONE;
    let bestHolder = 0;
    const start = (this.rotation + u) % n;
    for (let i = 0; i < n; i++) {
      const s = options[(start + i) % n]!;
      // The most this slot could gain: u's value and tell, less a move for each side's meeting
      // there that would be told (a break saved at most on each side).
      let optimistic = m.mValue[u]! - movePenalty * (this.homes.booked[u] && s !== this.homes.slot[u] ? 1 - this.tell(u) : -this.tell(u));
      for (const p of [m.mA[u]!, m.mB[u]!]) {
        const c = st.busy[p * m.S + s]!;
        if (c === NONE) continue;
        if (depth === 0) optimistic = -Infinity;
        else if (this.atHome(c)) optimistic -= movePenalty * (1 - this.tell(c));
      }
      if (optimistic + 2 * this.weights.breakWeight <= bestGain) continue;
      for (let h = 0; h < (depth ? HOLDERS_TRIED : 1); h++) {
        const mark = this.mark();
        const result = this.placeAt(u, s, depth, h);
        const gain = result & PLACED ? this.score() - base : -Infinity;
        this.undoTo(mark);
        if (gain > bestGain) {
          bestGain = gain;
          bestSlot = s;
          bestHolder = h;
        }
        if (!(result & USED_HOLDER)) break;
      }
    }
    if (bestSlot === NONE) return false;
    const placed = this.placeAt(u, bestSlot, depth, bestHolder);
    if (!(placed & PLACED)) throw new Error("replan: a replayed placement failed");
    return true;
  }

  /**
   * Takes placed k out and places it again the best way with nothing pushed aside (its own place
   * among the choices): for meetings whose move tells no one new, to close breaks.
   */
  replaceBest(k: number): boolean {
    const { st } = this;
    const before = this.score();
    const old = st.placement(k);
    const mark = this.mark();
    this.take(k);
    if (this.placeBest(k, 0, true) && this.score() > before + MIN_GAIN) return st.slotOf[k] !== old.s;
    this.undoTo(mark);
    return false;
  }
}

const PLACED = 1;
const USED_HOLDER = 2;
