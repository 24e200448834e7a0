import type { Model } from "./model";

const NONE = -1;

/**
 * A schedule being built: who meets where, with counters kept in step so that checking, placing
 * and removing a meeting each cost O(1) (plus the interpreter search).
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  readonly modeOf: Int8Array; // 0 onsite, 1 online
  readonly interpOf: Int32Array;
  readonly busy: Int32Array; // P x S -> meeting
  readonly count: Int32Array; // meetings per participant
  readonly onsite: Int32Array; // per slot
  readonly online: Int32Array;
  readonly interpBusy: Uint8Array; // I x S

  constructor(readonly m: Model) {
    this.slotOf = new Int32Array(m.M).fill(NONE);
    this.modeOf = new Int8Array(m.M);
    this.interpOf = new Int32Array(m.M).fill(NONE);
    this.busy = new Int32Array(m.P * m.S).fill(NONE);
    this.count = new Int32Array(m.P);
    this.onsite = new Int32Array(m.S);
    this.online = new Int32Array(m.S);
    this.interpBusy = new Uint8Array(m.I * m.S);
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
      for (const i of m.mInterpreters[k]!) {
        if (m.iAvail[i * m.S + s] && !this.interpBusy[i * m.S + s]) {
          interp = i;
          break;
        }
      }
      if (interp === NONE) return null;
    }
    if (m.mOnsite[k] && this.onsite[s]! < m.tables) return { mode: 0, interp };
    if (m.mOnline[k] && this.online[s]! < m.rooms) return { mode: 1, interp };
    return null;
  }

  place(k: number, s: number, mode: 0 | 1, interp: number) {
    const { m } = this;
    this.slotOf[k] = s;
    this.modeOf[k] = mode;
    this.interpOf[k] = interp;
    this.busy[m.mA[k]! * m.S + s] = k;
    this.busy[m.mB[k]! * m.S + s] = k;
    this.count[m.mA[k]!]!++;
    this.count[m.mB[k]!]!++;
    if (mode === 0) this.onsite[s]!++;
    else this.online[s]!++;
    if (interp !== NONE) this.interpBusy[interp * m.S + s] = 1;
  }

  remove(k: number) {
    const { m } = this;
    const s = this.slotOf[k]!;
    if (s === NONE) return;
    this.busy[m.mA[k]! * m.S + s] = NONE;
    this.busy[m.mB[k]! * m.S + s] = NONE;
    this.count[m.mA[k]!]!--;
    this.count[m.mB[k]!]!--;
    if (this.modeOf[k] === 0) this.onsite[s]!--;
    else this.online[s]!--;
    if (this.interpOf[k] !== NONE) this.interpBusy[this.interpOf[k]! * m.S + s] = 0;
    this.slotOf[k] = NONE;
    this.interpOf[k] = NONE;
  }

  /** Sums perBreak for each idle run between consecutive meetings of p on one day, plus perIdle per idle slot in them. */
  private gaps(p: number, perBreak: number, perIdle: number): number {
    const { m } = this;
    let total = 0;
    let last = NONE;
    for (let s = 0; s < m.S; s++) {
      if (this.busy[p * m.S + s] === NONE) continue;
      if (last !== NONE && m.day[s] === m.day[last] && s - last > 1) total += perBreak + perIdle * (s - last - 1);
      last = s;
    }
    return total;
  }

  /** Breaks of one participant: idle runs between its consecutive meetings on the same day. */
  breaksOf(p: number): number {
    return this.gaps(p, 1, 0);
  }

  /**
   * What the local search minimises for one participant: breaks first, then the idle slots inside
   * them, so that shrinking a gap counts as progress before the gap closes.
   */
  costOf(p: number): number {
    return this.gaps(p, 8, 1);
  }

  totalBreaks(): number {
    let total = 0;
    for (let p = 0; p < this.m.P; p++) total += this.breaksOf(p);
    return total;
  }
}
export { NONE };
