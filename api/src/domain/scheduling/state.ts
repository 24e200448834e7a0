import type { Model } from "./model";

const NONE = -1;

/**
 * What the break search minimises for a participant (costOf): BREAK_COST per break plus
 * IDLE_SLOT_COST per idle slot inside its breaks. Breaks are the objective; the idle slots only
 * guide: a gap that shrinks (three idle slots, then one) is progress before it closes, where
 * counting breaks alone would see no change. 8 to 1 makes a break outweigh a gap of up to 7 idle
 * slots, so the search rarely opens a break to shorten a gap, yet idle slots still matter at the
 * annealing's temperatures (anneal.ts), which are in these units. Other ratios were tried without
 * gain (README, "The meeting scheduler"). Only true breaks decide which plan is kept (isBetterPlan),
 * so these weights steer the search and never change what counts as a better plan.
 */
export const BREAK_COST = 8;
export const IDLE_SLOT_COST = 1;

export interface Placement {
  k: number;
  s: number;
  mode: 0 | 1;
  interp: number;
}

/**
 * A schedule being built: who meets where, with counters kept in step so that checking, placing
 * and removing a meeting each cost O(1) (plus the interpreter search). Each slot also keeps the list
 * of its meetings, so that "what is held in slot s" costs what it holds, not a scan of every meeting.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  readonly modeOf: Int8Array; // 0 onsite, 1 online
  readonly interpOf: Int32Array;
  readonly busy: Int32Array; // P x S -> meeting
  readonly count: Int32Array; // meetings per participant
  readonly onsite: Int32Array; // per slot
  readonly online: Int32Array;
  readonly interpAt: Int32Array; // I x S -> meeting
  /** Per slot: meetings held onsite that could go online (flexOn), held online that could go onsite (flexOff). */
  readonly flexOn: Int32Array;
  readonly flexOff: Int32Array;
  /**
   * Interpreter bookkeeping for makeRoom: a version per slot that changes with every interpreter
   * placed or freed there, each meeting's class (same eligible interpreters), and per (class, slot)
   * the version at which no interpreter could be freed for that class, so a failure is not searched again.
   */
  private readonly interpVersion: Int32Array;
  private readonly interpClass: Int32Array;
  private readonly interpFailed: Int32Array;
  /** Meetings held in each slot: slotList[s * perSlot + j] for j < held(s); posOf[k] is k's j. */
  private readonly slotList: Int32Array;
  private readonly posOf: Int32Array;
  private readonly perSlot: number;
  /**
   * When every day is a run of at most 32 consecutive slots (the world fair: 3 days of 32; Hanoi, 2
   * of 16): each participant's busy slots of each day as the bits of one word, occ[p * days + d],
   * bit bitOf[s] for slot s. Breaks and idle slots never cross days, so a move is priced from the
   * one or two words it changes (moveCost), whatever the number of slots.
   */
  readonly occ: Int32Array;
  readonly useMasks: boolean;
  private readonly days: number;
  private readonly bitOf: Int32Array;
  private readonly dayStart: Int32Array;
  /** With useMasks: the plan's breaks, kept in step by place and remove (totalBreaks is then O(1)). */
  private breakCount = 0;
  value = 0;
  scheduled = 0;
  /** Told of every change makeRoom makes to another meeting (its mode and interpreter before), to undo it. */
  onRetouch: ((c: number, mode: 0 | 1, interp: number) => void) | null = null;

  constructor(readonly m: Model) {
    this.slotOf = new Int32Array(m.M).fill(NONE);
    this.modeOf = new Int8Array(m.M);
    this.interpOf = new Int32Array(m.M).fill(NONE);
    this.busy = new Int32Array(m.P * m.S).fill(NONE);
    this.count = new Int32Array(m.P);
    this.onsite = new Int32Array(m.S);
    this.online = new Int32Array(m.S);
    this.interpAt = new Int32Array(m.I * m.S).fill(NONE);
    this.flexOn = new Int32Array(m.S);
    this.flexOff = new Int32Array(m.S);
    this.interpVersion = new Int32Array(m.S);
    this.interpClass = new Int32Array(m.M).fill(NONE);
    const classes = new Map<string, number>();
    for (let k = 0; k < m.M; k++) {
      if (!m.mNeedsInterpreter[k]) continue;
      const key = m.mInterpreters[k]!.join(",");
      if (!classes.has(key)) classes.set(key, classes.size);
      this.interpClass[k] = classes.get(key)!;
    }
    this.interpFailed = new Int32Array(classes.size * m.S).fill(NONE);
    this.perSlot = Math.max(1, Math.min(m.M, m.tables + m.rooms));
    this.slotList = new Int32Array(m.S * this.perSlot);
    this.posOf = new Int32Array(m.M).fill(NONE);
    const layout = dayLayout(m);
    this.useMasks = layout !== null;
    this.days = layout ? layout.days : 0;
    this.bitOf = layout ? layout.bitOf : new Int32Array(0);
    this.dayStart = layout ? layout.dayStart : new Int32Array(0);
    this.occ = new Int32Array(this.useMasks ? m.P * this.days : 0);
  }

  held(s: number): number {
    return this.onsite[s]! + this.online[s]!;
  }

  /** The j-th meeting held in slot s (j < held(s)). */
  heldAt(s: number, j: number): number {
    return this.slotList[s * this.perSlot + j]!;
  }

  /** Participants free and available, the meeting allowed there, and the caps respected (ignoring k itself). */
  participantsFit(k: number, s: number): boolean {
    const { m } = this;
    const a = m.mA[k]!;
    const b = m.mB[k]!;
    const allowed = m.mSlots[k];
    if (allowed && !allowed[s]) return false;
    if (!m.pAvail[a * m.S + s] || !m.pAvail[b * m.S + s]) return false;
    const ba = this.busy[a * m.S + s]!;
    const bb = this.busy[b * m.S + s]!;
    if ((ba !== NONE && ba !== k) || (bb !== NONE && bb !== k)) return false;
    if (this.slotOf[k] === NONE && (this.count[a]! >= m.pMax[a]! || this.count[b]! >= m.pMax[b]!)) return false;
    return true;
  }

  /** The mode and interpreter the meeting would get in slot s, or null when it cannot be held there. */
  resources(k: number, s: number): { mode: 0 | 1; interp: number } | null {
    const { m } = this;
    let interp = NONE;
    if (m.mNeedsInterpreter[k]) {
      interp = this.freeInterpreter(k, s);
      if (interp === NONE) return null;
    }
    if (m.mOnsite[k] && this.onsite[s]! < m.tables) return { mode: 0, interp };
    if (m.mOnline[k] && this.online[s]! < m.rooms) return { mode: 1, interp };
    return null;
  }

  /**
   * participantsFit and resources for placed k in another slot s, as if meeting `gone` (held in s)
   * and k itself were out of the plan: lets a swap check itself before it changes anything.
   */
  fitsWithout(k: number, s: number, gone: number): boolean {
    const { m } = this;
    const allowed = m.mSlots[k];
    if (allowed && !allowed[s]) return false;
    const a = m.mA[k]!;
    const b = m.mB[k]!;
    if (!m.pAvail[a * m.S + s] || !m.pAvail[b * m.S + s]) return false;
    const ba = this.busy[a * m.S + s]!;
    const bb = this.busy[b * m.S + s]!;
    return (ba === NONE || ba === gone) && (bb === NONE || bb === gone);
  }

  resourcesWithout(k: number, s: number, gone: number): { mode: 0 | 1; interp: number } | null {
    const { m } = this;
    let interp = NONE;
    if (m.mNeedsInterpreter[k]) {
      for (const i of m.mInterpreters[k]!) {
        const c = this.interpAt[i * m.S + s]!;
        if (m.iAvail[i * m.S + s] && (c === NONE || c === gone) && this.runFits(i, s, k)) {
          interp = i;
          break;
        }
      }
      if (interp === NONE) return null;
    }
    const goneOnsite = this.modeOf[gone] === 0 ? 1 : 0;
    if (m.mOnsite[k] && this.onsite[s]! - goneOnsite < m.tables) return { mode: 0, interp };
    if (m.mOnline[k] && this.online[s]! - (1 - goneOnsite) < m.rooms) return { mode: 1, interp };
    return null;
  }

  private freeInterpreter(k: number, s: number): number {
    for (const i of this.m.mInterpreters[k]!) if (this.interpreterFree(i, s, k)) return i;
    return NONE;
  }

  /** Interpreter i could take meeting k in slot s: available, free there, and within the run limit (k's own place aside). */
  interpreterFree(i: number, s: number, k = NONE): boolean {
    const { m } = this;
    return m.iAvail[i * m.S + s] === 1 && this.interpAt[i * m.S + s] === NONE && this.runFits(i, s, k);
  }

  /** Interpreter i works in slot t: a meeting of the plan (other than `ignore`) or one booked before it. */
  private interpreterWorks(i: number, t: number, ignore: number): boolean {
    const { m } = this;
    const c = this.interpAt[i * m.S + t]!;
    return (c !== NONE && c !== ignore) || m.iFixed[i * m.S + t] === 1;
  }

  /**
   * Interpreter i working in slot s stays within the most meetings in a row (model.maxRun), its
   * meeting `ignore` not counted: the run through s, back and forth over slots that follow one
   * another. Costs at most maxRun steps; always true without a limit.
   */
  runFits(i: number, s: number, ignore = NONE): boolean {
    const { m } = this;
    const limit = m.maxRun;
    if (!limit) return true;
    let run = 1;
    for (let t = s - 1; t >= 0 && m.contig[t] && this.interpreterWorks(i, t, ignore); t--) if (++run > limit) return false;
    for (let t = s + 1; t < m.S && m.contig[t - 1] && this.interpreterWorks(i, t, ignore); t++) if (++run > limit) return false;
    return true;
  }

  /** The interpreters of meetings c1.. (NONE skipped) are within the run limit in the slots they hold now. */
  runsHold(...meetings: number[]): boolean {
    if (!this.m.maxRun) return true;
    for (const c of meetings) {
      if (c === NONE) continue;
      const i = this.interpOf[c]!;
      if (i !== NONE && !this.runFits(i, this.slotOf[c]!)) return false;
    }
    return true;
  }

  /**
   * Every interpreter of the plan is within the run limit (a whole-plan check, for plans made
   * elsewhere). A run of meetings all booked before the plan is not the plan's doing and stands.
   */
  runsWithinLimit(): boolean {
    const { m } = this;
    if (!m.maxRun) return true;
    for (let i = 0; i < m.I; i++) {
      let run = 0;
      let planned = false;
      for (let s = 0; s < m.S; s++) {
        const mine = this.interpAt[i * m.S + s] !== NONE;
        const goesOn = s > 0 && m.contig[s - 1] === 1;
        if (!mine && !m.iFixed[i * m.S + s]) run = 0;
        else {
          run = goesOn && run > 0 ? run + 1 : 1;
          planned = (goesOn && run > 1 && planned) || mine;
        }
        if (run > m.maxRun && planned) return false;
      }
    }
    return true;
  }

  /**
   * Like resources, but first frees what k needs in slot s by changes that cost nothing: another
   * meeting there switches to another free interpreter who speaks its pair, or an "either" meeting
   * switches between table and video room. Those changes stay made even when k is not placed.
   */
  makeRoom(k: number, s: number): { mode: 0 | 1; interp: number } | null {
    const { m } = this;
    const S = m.S;
    if (m.mNeedsInterpreter[k] && this.freeInterpreter(k, s) === NONE) {
      const key = this.interpClass[k]! * S + s;
      if (this.interpFailed[key] === this.interpVersion[s]) return null;
      let freed = false;
      outer: for (const i of m.mInterpreters[k]!) {
        if (!m.iAvail[i * S + s]) continue;
        // (Free but at the end of a run too long: no meeting here to hand over.)
        const c = this.interpAt[i * S + s]!;
        if (c === NONE) continue;
        for (const j of m.mInterpreters[c]!) {
          if (j !== i && this.interpreterFree(j, s)) {
            this.retouch(c, this.modeOf[c] as 0 | 1, j);
            freed = true;
            break outer;
          }
        }
      }
      if (!freed) {
        this.interpFailed[key] = this.interpVersion[s]!;
        return null;
      }
    }
    const tablesFull = this.onsite[s]! >= m.tables;
    const roomsFull = this.online[s]! >= m.rooms;
    const wantOnsite = m.mOnsite[k] && tablesFull && !(m.mOnline[k] && !roomsFull);
    const wantOnline = m.mOnline[k] && roomsFull && !(m.mOnsite[k] && !tablesFull);
    if ((wantOnsite && !roomsFull && this.flexOn[s]! > 0) || (wantOnline && !tablesFull && this.flexOff[s]! > 0)) {
      const from = wantOnsite ? 0 : 1;
      for (let j = 0; j < this.held(s); j++) {
        const c = this.heldAt(s, j);
        if (this.modeOf[c] === from && (from === 0 ? m.mOnline[c] : m.mOnsite[c])) {
          this.retouch(c, from === 0 ? 1 : 0, this.interpOf[c]!);
          break;
        }
      }
    }
    return this.resources(k, s);
  }

  /** Gives placed meeting c another mode and interpreter in its slot (the caller knows they are free). */
  retouch(c: number, mode: 0 | 1, interp: number) {
    const { m } = this;
    const s = this.slotOf[c]!;
    this.onRetouch?.(c, this.modeOf[c] as 0 | 1, this.interpOf[c]!);
    if (this.modeOf[c] !== mode) {
      this.flex(c, s, -1);
      if (mode === 0) {
        this.online[s]!--;
        this.onsite[s]!++;
      } else {
        this.onsite[s]!--;
        this.online[s]!++;
      }
      this.modeOf[c] = mode;
      this.flex(c, s, 1);
    }
    if (this.interpOf[c] !== interp) {
      this.interpVersion[s]!++;
      if (this.interpOf[c] !== NONE) this.interpAt[this.interpOf[c]! * m.S + s] = NONE;
      if (interp !== NONE) this.interpAt[interp * m.S + s] = c;
      this.interpOf[c] = interp;
    }
  }

  /** Counts placed meeting c (in slot s, with its current mode) in or out of flexOn / flexOff. */
  private flex(c: number, s: number, sign: number) {
    const { m } = this;
    if (this.modeOf[c] === 0) {
      if (m.mOnline[c]) this.flexOn[s]! += sign;
    } else if (m.mOnsite[c]) this.flexOff[s]! += sign;
  }

  place(k: number, s: number, mode: 0 | 1, interp: number) {
    const { m } = this;
    const j = this.held(s);
    this.slotList[s * this.perSlot + j] = k;
    this.posOf[k] = j;
    this.slotOf[k] = s;
    this.modeOf[k] = mode;
    this.interpOf[k] = interp;
    this.busy[m.mA[k]! * m.S + s] = k;
    this.busy[m.mB[k]! * m.S + s] = k;
    if (this.useMasks) {
      this.setBusy(m.mA[k]!, s, true);
      this.setBusy(m.mB[k]!, s, true);
    }
    this.count[m.mA[k]!]!++;
    this.count[m.mB[k]!]!++;
    if (mode === 0) this.onsite[s]!++;
    else this.online[s]!++;
    this.flex(k, s, 1);
    if (interp !== NONE) {
      this.interpAt[interp * m.S + s] = k;
      this.interpVersion[s]!++;
    }
    this.value += m.mValue[k]!;
    this.scheduled++;
  }

  remove(k: number) {
    const { m } = this;
    const s = this.slotOf[k]!;
    if (s === NONE) return;
    const last = this.held(s) - 1;
    const j = this.posOf[k]!;
    const moved = this.slotList[s * this.perSlot + last]!;
    this.slotList[s * this.perSlot + j] = moved;
    this.posOf[moved] = j;
    this.posOf[k] = NONE;
    this.busy[m.mA[k]! * m.S + s] = NONE;
    this.busy[m.mB[k]! * m.S + s] = NONE;
    if (this.useMasks) {
      this.setBusy(m.mA[k]!, s, false);
      this.setBusy(m.mB[k]!, s, false);
    }
    this.count[m.mA[k]!]!--;
    this.count[m.mB[k]!]!--;
    if (this.modeOf[k] === 0) this.onsite[s]!--;
    else this.online[s]!--;
    this.flex(k, s, -1);
    if (this.interpOf[k] !== NONE) {
      this.interpAt[this.interpOf[k]! * m.S + s] = NONE;
      this.interpVersion[s]!++;
    }
    this.slotOf[k] = NONE;
    this.interpOf[k] = NONE;
    this.value -= m.mValue[k]!;
    this.scheduled--;
  }

  /** What k holds now, to put it back later. */
  placement(k: number): Placement {
    return { k, s: this.slotOf[k]!, mode: this.modeOf[k] as 0 | 1, interp: this.interpOf[k]! };
  }

  /** With useMasks: the number of days, p's busy slots on day d as bits, and the slot of bit 0 of day d. */
  get dayCount(): number {
    return this.days;
  }
  dayWord(p: number, d: number): number {
    return this.occ[p * this.days + d]!;
  }
  firstSlotOf(d: number): number {
    return this.dayStart[d]!;
  }

  /** Marks p busy or free in slot s in its day word, keeping breakCount in step. */
  private setBusy(p: number, s: number, busy: boolean) {
    const ix = p * this.days + this.m.day[s]!;
    const before = this.occ[ix]!;
    const after = busy ? before | (1 << this.bitOf[s]!) : before & ~(1 << this.bitOf[s]!);
    this.occ[ix] = after;
    this.breakCount += wordGaps(after, 1, 0) - wordGaps(before, 1, 0);
  }

  /**
   * The change in p's cost (costOf) when its busy slot `from` becomes free and slot `to` busy
   * (NONE for either: only the other half). Only with useMasks; p must be busy in `from` and free
   * in `to` (to === from: no change). Prices a move from the one or two day words it touches.
   */
  moveCost(p: number, from: number, to: number): number {
    if (from === to) return 0;
    const { m } = this;
    const base = p * this.days;
    if (from !== NONE && to !== NONE && m.day[from] === m.day[to]) {
      const w = this.occ[base + m.day[from]!]!;
      return dayCost((w & ~(1 << this.bitOf[from]!)) | (1 << this.bitOf[to]!)) - dayCost(w);
    }
    let delta = 0;
    if (from !== NONE) {
      const w = this.occ[base + m.day[from]!]!;
      delta += dayCost(w & ~(1 << this.bitOf[from]!)) - dayCost(w);
    }
    if (to !== NONE) {
      const w = this.occ[base + m.day[to]!]!;
      delta += dayCost(w | (1 << this.bitOf[to]!)) - dayCost(w);
    }
    return delta;
  }

  /**
   * Sums perBreak for each idle run between consecutive meetings of p on one day, plus perIdle per
   * idle slot in them; `extra` (a slot, or NONE) counts as busy too.
   */
  private gaps(p: number, perBreak: number, perIdle: number, extra = NONE): number {
    const { m } = this;
    if (this.useMasks) {
      let total = 0;
      const extraDay = extra === NONE ? NONE : m.day[extra]!;
      for (let d = 0; d < this.days; d++) {
        const w = this.occ[p * this.days + d]!;
        total += wordGaps(d === extraDay ? w | (1 << this.bitOf[extra]!) : w, perBreak, perIdle);
      }
      return total;
    }
    let total = 0;
    let last = NONE;
    const row = p * m.S;
    for (let s = 0; s < m.S; s++) {
      if (this.busy[row + s] === NONE && s !== extra) continue;
      if (last !== NONE && m.day[s] === m.day[last] && s - last > 1) total += perBreak + perIdle * (s - last - 1);
      last = s;
    }
    return total;
  }

  /** costOf(p) as if p were also busy in slot s. */
  costWith(p: number, s: number): number {
    return this.gaps(p, BREAK_COST, IDLE_SLOT_COST, s);
  }

  /** breaksOf(p) as if p were also busy in slot s. */
  breaksWith(p: number, s: number): number {
    return this.gaps(p, 1, 0, s);
  }

  /** Breaks of one participant: idle runs between its consecutive meetings on the same day. */
  breaksOf(p: number): number {
    return this.gaps(p, 1, 0);
  }

  /** What the local search minimises for one participant (see BREAK_COST). */
  costOf(p: number): number {
    return this.gaps(p, BREAK_COST, IDLE_SLOT_COST);
  }

  totalBreaks(): number {
    if (this.useMasks) return this.breakCount;
    let total = 0;
    for (let p = 0; p < this.m.P; p++) total += this.breaksOf(p);
    return total;
  }

  /** The plan as plain arrays (to keep the best one found). */
  snapshot() {
    return { value: this.value, slotOf: this.slotOf.slice(), modeOf: this.modeOf.slice(), interpOf: this.interpOf.slice() };
  }

  static fromSnapshot(m: Model, snap: { slotOf: Int32Array; modeOf: Int8Array; interpOf: Int32Array }): ScheduleState {
    const st = new ScheduleState(m);
    for (let k = 0; k < m.M; k++) if (snap.slotOf[k] !== NONE) st.place(k, snap.slotOf[k]!, snap.modeOf[k] as 0 | 1, snap.interpOf[k]!);
    return st;
  }
}
export { NONE };

/**
 * The day layout for bit masks: each day's slots consecutive in slot order and at most 32 of them,
 * so a slot is bit bitOf[s] of its day's word; null otherwise (the plain scans are used then).
 */
function dayLayout(m: Model): { days: number; bitOf: Int32Array; dayStart: Int32Array } | null {
  const bitOf = new Int32Array(m.S);
  const starts: number[] = [];
  let days = 0;
  for (let s = 0; s < m.S; s++) {
    if (s === 0 || m.day[s] !== m.day[s - 1]) {
      if (m.day[s] !== days) return null; // a day that comes back later, or out of order
      days++;
      starts.push(s);
      bitOf[s] = 0;
    } else bitOf[s] = bitOf[s - 1]! + 1;
    if (bitOf[s]! >= 32) return null;
  }
  return { days, bitOf, dayStart: Int32Array.from(starts) };
}

/** perBreak per idle run between busy slots of one day word, plus perIdle per idle slot in them. */
function wordGaps(x: number, perBreak: number, perIdle: number): number {
  if ((x & (x - 1)) === 0) return 0; // at most one meeting that day
  const runs = popcount(x & ~(x << 1));
  const lo = 31 - Math.clz32(x & -x);
  const hi = 31 - Math.clz32(x);
  return perBreak * (runs - 1) + perIdle * (hi - lo + 1 - popcount(x));
}

/** costOf's part for one day word (BREAK_COST per break, IDLE_SLOT_COST per idle slot in them). */
function dayCost(x: number): number {
  return wordGaps(x, BREAK_COST, IDLE_SLOT_COST);
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
