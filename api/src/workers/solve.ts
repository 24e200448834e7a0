// The solver in a worker thread: a 5 s solve must not stall the api's event loop, and several
// seeds can search side by side (services/solverRunner.ts). A worker told to end with the exact
// break search on small plans loads its own SAT solver.
import { parentPort, workerData } from "node:worker_threads";
import { solve } from "../domain/scheduling/solver";
import { loadSatSolver } from "../services/satSolver";

const started = performance.now();
const { instance, timeLimitMs, seed, exactBreaks } = workerData as { instance: Parameters<typeof solve>[0]; timeLimitMs: number; seed: number; exactBreaks: boolean };
const sat = exactBreaks ? await loadSatSolver() : undefined;
parentPort!.postMessage(solve(instance, { timeLimitMs: Math.max(0, timeLimitMs - (performance.now() - started)), seed, sat }));
