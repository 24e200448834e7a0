import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import type { Instance } from "../domain/scheduling/format";
import { solve, type SolveResult } from "../domain/scheduling/solver";
import { isBetterPlan } from "../domain/scheduling/planOrder";
import { replan, type CurrentPlace, type ReplanResult } from "../domain/scheduling/replan";

/** Where the scheduler's solver runs: worker threads in the server and the command line (the event loop keeps serving), in process in tests. */
export interface SolverRunner {
  solve(instance: Instance, timeLimitMs: number): Promise<SolveResult>;
  /** A re-plan of booked meetings that stand in `current` (replan.ts): one search, as few moves as it can. */
  replan(instance: Instance, current: CurrentPlace[], timeLimitMs: number): Promise<ReplanResult>;
}

export const inProcessSolver: SolverRunner = {
  async solve(instance, timeLimitMs) {
    return solve(instance, { timeLimitMs });
  },
  async replan(instance, current, timeLimitMs) {
    return replan(instance, current, { timeLimitMs });
  },
};

/**
 * How many solves run side by side: one per core but one, at most four (more seeds gain little).
 * The core left over is the engine's: its compiler and collector threads, and the main thread's
 * own work. On this 2-core machine, quiet (load 0.1-0.9), Hanoi in 1 s: one search 99.88%, 99.88%,
 * 99.91% of the bound; two 99.63%, 99.55%, 99.60% (run after run); in 5 s one 99.86% with 188 breaks,
 * two 99.83-99.88% with 218-234; the world fair in 60 s one 99.77% and 0.17 of first-fit's breaks,
 * two 99.74% and 0.20.
 */
export const solverThreads = () => Math.max(1, Math.min(4, availableParallelism() - 1));
/**
 * How many of `threads` solves to start now: one per core that other work leaves idle (by the
 * 1-minute load average), at least one. Searches side by side on busy cores only share them, each
 * with the engine's compiling and collecting to pay again: Hanoi in 1 s on 2 cores at load 3.5 to
 * 4, 99.4% to 99.5% of the bound with two searches, 99.4% to 99.8% with one (four runs each, side
 * by side); in 5 s, 99.86% to 99.88% and 214 to 229 breaks with two, 99.88% to 99.89% and 184 to
 * 188 with one.
 */
export const idleThreads = (threads: number, load = loadavg()[0]!, cores = availableParallelism()) =>
  Math.max(1, Math.min(threads, Math.round(cores - load)));
/**
 * What starting the workers and passing the instance and the plans costs, kept out of the search
 * time so the plan is back within the limit: measured 0.3 s for 30,000 meetings, 0.1 s for 5,000.
 */
const handOverMs = (instance: Instance) => 150 + 0.01 * instance.meetings.length;

export interface WorkerSolverOptions {
  threads?: number;
  /** How much nicer than the process the solver threads run (0: as nice as it is). */
  nice?: number;
}

/**
 * Runs up to `threads` solves side by side (idleThreads), each in a worker thread from the bundled
 * worker script (dist/workers/solve.js) with its own seed, and keeps the best plan (bestOf).
 */
export function workerSolver(script: URL, { threads = solverThreads(), nice = 0 }: WorkerSolverOptions = {}): SolverRunner {
  const inWorker = <T>(workerData: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { ...workerData, nice } });
      worker.once("message", (result: T) => resolve(result));
      worker.once("error", reject);
      worker.once("exit", (code) => code !== 0 && reject(new Error(`solver worker exited with ${code}`)));
    });
  const one = (instance: Instance, timeLimitMs: number, seed: number) => inWorker<SolveResult>({ task: "solve", instance, timeLimitMs, seed });
  return {
    async solve(instance, timeLimitMs) {
      const budget = Math.max(timeLimitMs / 2, timeLimitMs - handOverMs(instance));
      const runs = await Promise.allSettled(Array.from({ length: idleThreads(threads) }, (_, i) => one(instance, budget, i + 1)));
      const done = runs.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      if (!done.length) throw (runs[0] as PromiseRejectedResult).reason;
      const best = bestOf(done);
      return { ...best, stats: { ...best.stats, searches: runs.length } };
    },
    async replan(instance, current, timeLimitMs) {
      const budget = Math.max(timeLimitMs / 2, timeLimitMs - handOverMs(instance));
      return inWorker<ReplanResult>({ task: "replan", instance, current, timeLimitMs: budget });
    },
  };
}

/**
 * The best of several plans of one instance (by isBetterPlan: most value, then fewest breaks; the
 * first of equals). Every bound is proven, so the lowest upper bound on value stands, and the
 * highest lower bound on breaks of plans holding the same meetings as the best.
 */
export function bestOf(results: SolveResult[]): SolveResult {
  const best = results.reduce((a, b) => (isBetterPlan(b, a) ? b : a));
  const held = new Set(best.assignments.map((a) => a.meeting));
  const sameMeetings = (r: SolveResult) => r.assignments.length === held.size && r.assignments.every((a) => held.has(a.meeting));
  const lowerBounds = results.flatMap((r) => (r.stats.breaksLowerBound !== undefined && sameMeetings(r) ? [r.stats.breaksLowerBound] : []));
  return {
    ...best,
    upperBound: Math.min(...results.map((r) => r.upperBound)),
    stats: { ...best.stats, ...(lowerBounds.length ? { breaksLowerBound: Math.max(...lowerBounds) } : {}) },
  };
}
