/**
 * The SAT solver the break search talks to (IPASIR-like): the scheduler stays pure, and the
 * process that runs it supplies one (services/satSolver.ts wraps CaDiCaL compiled to WebAssembly).
 * Literals are non-zero integers, -v the negation of variable v.
 */
export interface SatSolver {
  addClause(lits: readonly number[]): void;
  /** 'unknown' when stopped by the conflict limit or the terminate callback. */
  solve(assumptions: readonly number[], conflictLimit?: number): "satisfiable" | "unsatisfiable" | "unknown";
  /** After 'satisfiable': the literal's value in the model. */
  value(lit: number): boolean;
  /** After 'unsatisfiable': the assumptions used to refute them (a core). */
  failedAssumptions(): number[];
  /** The value to try first when deciding the literal's variable. */
  phase(lit: number): void;
  setTerminate(stop: (() => boolean) | null): void;
  dispose(): void;
}
export type SatFactory = () => SatSolver;

/** Clauses and the encodings the break search needs, written into a SatSolver as they are made. */
export class Cnf {
  private vars = 0;
  constructor(readonly sat: SatSolver) {}

  newVar(): number {
    return ++this.vars;
  }

  add(lits: readonly number[]): void {
    this.sat.addClause(lits);
  }

  /** At most one literal true: pairwise when short, else the sequential (ladder) encoding. */
  atMostOne(lits: readonly number[]): void {
    if (lits.length <= 5) {
      for (let i = 0; i < lits.length; i++) for (let j = i + 1; j < lits.length; j++) this.add([-lits[i]!, -lits[j]!]);
      return;
    }
    let prev = 0;
    for (let i = 0; i < lits.length; i++) {
      const x = lits[i]!;
      if (prev) this.add([-prev, -x]);
      if (i === lits.length - 1) break;
      const next = this.newVar();
      this.add([-x, next]);
      if (prev) this.add([-prev, next]);
      prev = next;
    }
  }

  /** At most k literals true (Sinz's sequential counter: n·k variables, about 2·n·k clauses). */
  atMost(lits: readonly number[], k: number): void {
    if (lits.length <= k) return;
    if (k === 0) {
      for (const l of lits) this.add([-l]);
      return;
    }
    // prev[j]: at least j+1 of the literals so far are true.
    let prev: number[] = [];
    for (let i = 0; i < lits.length; i++) {
      const x = lits[i]!;
      if (prev.length >= k) this.add([-x, -prev[k - 1]!]);
      if (i === lits.length - 1) break;
      const cur: number[] = [];
      for (let j = 0; j < Math.min(k, i + 1); j++) {
        const r = this.newVar();
        cur.push(r);
        if (j < prev.length) this.add([-prev[j]!, r]);
        if (j === 0) this.add([-x, r]);
        else this.add([-x, -prev[j - 1]!, r]);
      }
      prev = cur;
    }
  }

  /**
   * A totalizer over the literals, counted up to k: output j is true exactly when at least j+1
   * literals are (both directions, so it can bound the count from above and below).
   */
  totalizer(lits: readonly number[], k: number): number[] {
    if (lits.length === 1) return [lits[0]!];
    const mid = lits.length >> 1;
    const a = this.totalizer(lits.slice(0, mid), k);
    const b = this.totalizer(lits.slice(mid), k);
    const n = Math.min(k, a.length + b.length);
    const out = Array.from({ length: n }, () => this.newVar());
    for (let i = 0; i <= a.length; i++) {
      for (let j = 0; j <= b.length; j++) {
        const s = i + j;
        // a >= i and b >= j imply out >= i + j ...
        if (s > 0 && s <= n) this.add([out[s - 1]!, ...(i ? [-a[i - 1]!] : []), ...(j ? [-b[j - 1]!] : [])]);
        // ... and a < i + 1 and b < j + 1 imply out < i + j + 1.
        if (s < n) this.add([-out[s]!, ...(i < a.length ? [a[i]!] : []), ...(j < b.length ? [b[j]!] : [])]);
      }
    }
    return out;
  }
}
