import type { Model } from "./model";
import { NONE, ScheduleState } from "./state";
import type { Random } from "../random";
import { Cnf, type SatFactory } from "./cnf";

/** A plan as the solver keeps it: per meeting its slot (NONE when left out), mode and interpreter. */
export interface Plan {
  slotOf: Int32Array;
  modeOf: Int8Array;
  interpOf: Int32Array;
}

export interface SatBreaksOptions {
  sat: SatFactory;
  deadline: number;
  now: () => number;
  random: Random;
  /** Share of the time for the core-guided phase, which proves a lower bound and may reach the optimum. */
  coreShare?: number;
}

export interface SatBreaksResult {
  /** The best slots found (the plan's own when nothing better was). */
  slotOf: Int32Array;
  breaks: number;
  /** Proven: no plan of these meetings, modes and interpreters has fewer breaks. */
  lowerBound: number;
  optimal: boolean;
}

/**
 * Time the search needs to pay off, per held meeting: B2BSOP with 10 s (33 to 80 ms per meeting)
 * gains 7 breaks in all from it; with 1 s (3 to 8 ms) the annealing cut short loses more than it finds.
 */
const MS_PER_MEETING = 15;

/**
 * Plans this search takes: small enough to encode (held meetings times slots) and given the time
 * it needs, with each day's slots together in list order (as every fair lists them), where a break
 * is an idle run between meetings within a day's stretch of slots.
 */
export function satBreaksApplies(m: Model, held: number, timeLimitMs: number): boolean {
  for (let s = 1; s < m.S; s++) if (m.day[s]! < m.day[s - 1]!) return false;
  return held > 0 && held * m.S <= 40_000 && timeLimitMs >= MS_PER_MEETING * held;
}

/** Conflicts per neighbourhood: enough to find most improvements there, few enough to try many. */
const LNS_CONFLICTS = 3000;

/**
 * Minimises breaks of a plan exactly with a SAT solver, keeping every held meeting held, in its
 * mode and with its interpreter (so value and resources stay as they are); only slots change.
 *   1. core-guided MaxSAT (OLL): assume no break anywhere; each refutation names a set of break
 *      places of which one must be taken, raising the proven lower bound by one and allowing one
 *      more there. When the assumptions become satisfiable, the plan is optimal. It proves small
 *      optima (B2BSOP forum-13crafc: 1 break, in 3 s) that local search does not find.
 *   2. large-neighbourhood search from the best plan: fix most meetings where they are, let the
 *      rest move, and ask for fewer breaks than the best plan's, with a conflict limit. The fixed
 *      share adapts: up after a timeout, down after a refutation.
 * Tables and online rooms are added lazily: a model over capacity adds that slot's limit and is
 * solved again (with several meetings per slot rarely at the limit, the formula stays small).
 */
export function satBreaks(m: Model, plan: Plan, breaks: number, o: SatBreaksOptions): SatBreaksResult {
  const sat = o.sat();
  try {
    return new BreakSearch(m, plan, new Cnf(sat)).run(breaks, o);
  } finally {
    sat.dispose();
  }
}

class BreakSearch {
  /** Per held meeting, its candidate slots and their variables. */
  private readonly held: number[] = [];
  private readonly x: Map<number, number>[] = [];
  /** Meetings held onsite (0) and online (1) per slot, as their variables there, for the lazy capacity limits. */
  private readonly atSlot: number[][][] = [[], []];
  private readonly limitAdded: Uint8Array[];
  /** One variable per place a break can start: participant p idle in s - 1 after a meeting, busy in s. */
  readonly breakVars: number[] = [];
  private readonly byParticipant: number[][];

  constructor(
    private readonly m: Model,
    private readonly plan: Plan,
    private readonly cnf: Cnf,
  ) {
    const { S, P } = m;
    this.limitAdded = [new Uint8Array(S), new Uint8Array(S)];
    for (const side of this.atSlot) for (let s = 0; s < S; s++) side.push([]);
    this.byParticipant = Array.from({ length: P }, () => []);
    const atParticipant: number[][] = Array.from({ length: P * S }, () => []);
    const atInterpreter = new Map<number, number[]>();
    for (let k = 0; k < m.M; k++) {
      const row = new Map<number, number>();
      this.x.push(row);
      if (plan.slotOf[k] === NONE) continue;
      this.held.push(k);
      const a = m.mA[k]!;
      const b = m.mB[k]!;
      const interp = plan.interpOf[k]!;
      this.byParticipant[a]!.push(k);
      this.byParticipant[b]!.push(k);
      for (let s = 0; s < S; s++) {
        if (m.mSlots[k] && !m.mSlots[k]![s]) continue;
        if (!m.pAvail[a * S + s] || !m.pAvail[b * S + s]) continue;
        if (interp !== NONE && !m.iAvail[interp * S + s]) continue;
        const lit = cnf.newVar();
        row.set(s, lit);
        this.atSlot[plan.modeOf[k]!]![s]!.push(lit);
        atParticipant[a * S + s]!.push(lit);
        atParticipant[b * S + s]!.push(lit);
        if (interp !== NONE) {
          const key = interp * S + s;
          if (!atInterpreter.has(key)) atInterpreter.set(key, []);
          atInterpreter.get(key)!.push(lit);
        }
      }
      const lits = [...row.values()];
      cnf.add(lits);
      cnf.atMostOne(lits);
    }
    for (const lits of atInterpreter.values()) cnf.atMostOne(lits);
    if (m.maxRun) this.limitRuns(atInterpreter);

    // busy(p, s) is exactly "one of p's meetings is in s"; p is busy in as many slots as it has meetings.
    const busy = new Int32Array(P * S);
    for (let p = 0; p < P; p++) {
      const own: number[] = [];
      for (let s = 0; s < S; s++) {
        const lits = atParticipant[p * S + s]!;
        if (!lits.length) continue;
        const v = cnf.newVar();
        busy[p * S + s] = v;
        own.push(v);
        cnf.atMostOne(lits);
        for (const l of lits) cnf.add([-l, v]);
        cnf.add([-v, ...lits]);
      }
      // Implied (Bofill et al.'s IC1): it lets the solver see early that a participant's slots run out.
      const count = this.byParticipant[p]!.length;
      if (count > 0 && own.length > count) {
        const total = cnf.totalizer(own, count + 1);
        cnf.add([total[count - 1]!]);
        cnf.add([-total[count]!]);
      }
    }

    // A break starts in s when p is busy in s, idle in s - 1, and busy somewhere earlier that day.
    for (let p = 0; p < P; p++) {
      const before = new Int32Array(S); // "busy in s or earlier that day" (0: cannot be)
      for (let s = 0; s < S; s++) {
        const sameDay = (t: number) => t >= 0 && m.day[t] === m.day[s];
        const now = busy[p * S + s]!;
        const earlier = sameDay(s - 2) ? before[s - 2]! : 0;
        if (now && earlier) {
          const br = cnf.newVar();
          this.breakVars.push(br);
          const idleBefore = busy[p * S + s - 1]!;
          cnf.add([-now, -earlier, br, ...(idleBefore ? [idleBefore] : [])]);
        }
        const upTo = sameDay(s - 1) ? before[s - 1]! : 0;
        if (now) {
          const v = cnf.newVar();
          cnf.add([-now, v]);
          if (upTo) cnf.add([-upTo, v]);
          before[s] = v;
        } else before[s] = upTo;
      }
    }
  }

  /**
   * No interpreter works more than model.maxRun slots back to back in a run holding a meeting of the
   * plan: in every window of maxRun + 1 slots that follow one another, one is free. "Works in s" is
   * one of its meetings there, or a meeting booked before the plan (always); a window of those alone
   * is not the plan's doing and is left alone.
   */
  private limitRuns(atInterpreter: Map<number, number[]>) {
    const { m, cnf } = this;
    const { S } = m;
    const limit = m.maxRun;
    for (let i = 0; i < m.I; i++) {
      // works[s]: 0 never, -1 always (booked before the plan), else a variable implied by its meetings there.
      const works = new Int32Array(S);
      let any = false;
      for (let s = 0; s < S; s++) {
        if (m.iFixed[i * S + s]) {
          works[s] = -1;
          continue;
        }
        const lits = atInterpreter.get(i * S + s);
        if (!lits?.length) continue;
        any = true;
        if (lits.length === 1) works[s] = lits[0]!;
        else {
          const v = cnf.newVar();
          for (const l of lits) cnf.add([-l, v]);
          works[s] = v;
        }
      }
      if (!any) continue;
      window: for (let s = 0; s + limit < S; s++) {
        const clause: number[] = [];
        for (let t = s; t <= s + limit; t++) {
          if ((t < s + limit && !m.contig[t]) || works[t] === 0) continue window;
          if (works[t]! > 0) clause.push(-works[t]!);
        }
        if (clause.length) cnf.add(clause);
      }
    }
  }

  run(breaks: number, o: SatBreaksOptions): SatBreaksResult {
    const { sat } = this.cnf;
    let best = { slotOf: this.plan.slotOf, breaks };
    this.hint(best.slotOf);
    const start = o.now();
    const coreDeadline = start + (o.coreShare ?? 0.4) * (o.deadline - start);
    let stopAt = coreDeadline;
    sat.setTerminate(() => o.now() > stopAt);

    // 1. Core-guided: each soft assumption is "no break here" or "at most b of this core's breaks".
    interface Soft {
      lit: number;
      sum?: { outs: number[]; b: number };
    }
    let softs: Soft[] = this.breakVars.map((v) => ({ lit: -v }));
    let lowerBound = 0;
    const cap = breaks + 1;
    while (lowerBound < best.breaks && o.now() < coreDeadline) {
      const status = sat.solve(softs.map((s) => s.lit));
      if (status === "unknown") break;
      if (status === "satisfiable") {
        const slots = this.decode();
        if (!slots) continue; // over capacity: the limit is now in the formula
        best = { slotOf: slots, breaks: this.stateOf(slots).totalBreaks() };
        return { ...best, lowerBound: best.breaks, optimal: true };
      }
      const failed = new Set(sat.failedAssumptions());
      if (!failed.size) break; // the plan itself is a model, so this cannot happen; stop rather than loop
      lowerBound++;
      const core = softs.filter((s) => failed.has(s.lit));
      softs = softs.filter((s) => !failed.has(s.lit));
      // A sum in the core may now count one more.
      for (const s of core) if (s.sum && s.sum.b + 1 < s.sum.outs.length) softs.push({ lit: -s.sum.outs[++s.sum.b]!, sum: s.sum });
      if (core.length > 1) {
        const outs = this.cnf.totalizer(
          core.map((s) => -s.lit),
          Math.min(core.length, cap),
        );
        if (outs.length > 1) softs.push({ lit: -outs[1]!, sum: { outs, b: 1 } });
      }
    }
    if (lowerBound >= best.breaks) return { ...best, lowerBound: best.breaks, optimal: true };

    // 2. Large neighbourhoods around the best plan, asking for fewer breaks than it has.
    stopAt = o.deadline;
    const total = this.cnf.totalizer(this.breakVars, breaks + 1);
    let fixedShare = 0.5;
    while (best.breaks > lowerBound && o.now() < o.deadline) {
      const assumptions = [-total[best.breaks - 1]!, ...this.fixedRest(best.slotOf, fixedShare, o.random)];
      const status = sat.solve(assumptions, LNS_CONFLICTS);
      if (status === "satisfiable") {
        const slots = this.decode();
        if (!slots) continue;
        best = { slotOf: slots, breaks: this.stateOf(slots).totalBreaks() };
        this.hint(slots);
      } else if (status === "unsatisfiable") fixedShare = Math.max(0.05, fixedShare - 0.02);
      else fixedShare = Math.min(0.95, fixedShare + 0.02);
    }
    return { ...best, lowerBound, optimal: best.breaks <= lowerBound };
  }

  /** The plan's slots from the model, or null after adding the capacity limits it exceeds. */
  private decode(): Int32Array | null {
    const { sat } = this.cnf;
    const slotOf = new Int32Array(this.m.M).fill(NONE);
    for (const k of this.held) for (const [s, lit] of this.x[k]!) if (sat.value(lit)) slotOf[k] = s;
    let within = true;
    for (const mode of [0, 1] as const) {
      const limit = mode === 0 ? this.m.tables : this.m.rooms;
      const used = new Int32Array(this.m.S);
      for (const k of this.held) if (this.plan.modeOf[k] === mode) used[slotOf[k]!]!++;
      for (let s = 0; s < this.m.S; s++) {
        if (used[s]! <= limit || this.limitAdded[mode]![s]) continue;
        this.cnf.atMost(this.atSlot[mode]![s]!, limit);
        this.limitAdded[mode]![s] = 1;
        within = false;
      }
    }
    return within ? slotOf : null;
  }

  /** The solver tries the given plan's slots first. */
  private hint(slotOf: Int32Array) {
    for (const k of this.held) for (const [s, lit] of this.x[k]!) this.cnf.sat.phase(slotOf[k] === s ? lit : -lit);
  }

  /**
   * Assumptions fixing all but a neighbourhood of the plan: a random share of meetings, the
   * meetings outside a window of slots, or those outside a cluster of participants grown from one
   * with a break (its partners, their partners ...).
   */
  private fixedRest(slotOf: Int32Array, share: number, random: Random): number[] {
    const { m } = this;
    const free = new Uint8Array(m.M);
    const kind = random.next();
    if (kind < 1 / 3) {
      for (const k of this.held) if (random.next() >= share) free[k] = 1;
    } else if (kind < 2 / 3) {
      const width = Math.max(2, Math.round(m.S * (1 - share)));
      const from = Math.floor(random.next() * (m.S - width + 1));
      for (const k of this.held) if (slotOf[k]! >= from && slotOf[k]! < from + width) free[k] = 1;
    } else {
      const state = this.stateOf(slotOf);
      const withBreak = [];
      for (let p = 0; p < m.P; p++) if (state.breaksOf(p) > 0) withBreak.push(p);
      const first = withBreak.length ? random.pick(withBreak) : random.int(0, m.P - 1);
      const limit = (1 - share) * this.held.length;
      const seen = new Uint8Array(m.P);
      const queue = [first];
      seen[first] = 1;
      let freed = 0;
      while (queue.length && freed < limit) {
        const p = queue.splice(random.int(0, Math.min(queue.length, 4) - 1), 1)[0]!;
        for (const k of this.byParticipant[p]!) {
          if (!free[k]) {
            free[k] = 1;
            freed++;
          }
          const other = m.mA[k] === p ? m.mB[k]! : m.mA[k]!;
          if (!seen[other]) {
            seen[other] = 1;
            queue.push(other);
          }
        }
      }
    }
    return this.held.filter((k) => !free[k]).map((k) => this.x[k]!.get(slotOf[k]!)!);
  }

  /** The plan with these slots, as the solver's state: it counts breaks (one home for that rule). */
  private stateOf(slotOf: Int32Array): ScheduleState {
    return ScheduleState.fromSnapshot(this.m, { ...this.plan, slotOf });
  }
}
