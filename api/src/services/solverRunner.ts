import { Worker } from "node:worker_threads";
import type { Instance } from "../domain/scheduling/format";
import { solve, type SolveResult } from "../domain/scheduling/solver";

/** Where the scheduler's solver runs: a worker thread in the server (the event loop keeps serving), in process in tests and tools. */
export interface SolverRunner {
  solve(instance: Instance, timeLimitMs: number): Promise<SolveResult>;
}

export const inProcessSolver: SolverRunner = {
  async solve(instance, timeLimitMs) {
    return solve(instance, { timeLimitMs });
  },
};

/** Runs each solve in a fresh worker thread from the bundled worker script (dist/workers/solve.js). */
export function workerSolver(script: URL): SolverRunner {
  return {
    solve: (instance, timeLimitMs) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(script, { workerData: { instance, timeLimitMs } });
        worker.once("message", (result: SolveResult) => resolve(result));
        worker.once("error", reject);
        worker.once("exit", (code) => code !== 0 && reject(new Error(`solver worker exited with ${code}`)));
      }),
  };
}
