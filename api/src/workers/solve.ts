// The solver (or a re-plan) in a worker thread: a 5 s solve must not stall the api's event loop, and several
// seeds can search side by side (services/solverRunner.ts). Each worker loads its own SAT solver
// for the exact break search on small plans.
import { getPriority, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { solve } from "../domain/scheduling/solver";
import { replan, type CurrentPlace } from "../domain/scheduling/replan";
import { loadSatSolver } from "../services/satSolver";

const started = performance.now();
const { task, instance, current, timeLimitMs, seed, nice } = workerData as {
  task: "solve" | "replan";
  instance: Parameters<typeof solve>[0];
  /** A re-plan's booked meetings where they stand. */
  current?: CurrentPlace[];
  timeLimitMs: number;
  seed?: number;
  nice: number;
};
// On Linux a thread's nice value is its own, so this lowers the solver thread's priority and not
// the api's; elsewhere it would lower the whole process's, so it is left alone there.
if (nice > 0 && process.platform === "linux") setPriority(Math.min(19, getPriority() + nice));
const left = () => Math.max(0, timeLimitMs - (performance.now() - started));
if (task === "replan") parentPort!.postMessage(replan(instance, current ?? [], { timeLimitMs: left() }));
else {
  const sat = await loadSatSolver();
  parentPort!.postMessage(solve(instance, { timeLimitMs: left(), seed: seed ?? 1, sat }));
}
