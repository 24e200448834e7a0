// The solver in a worker thread: a 5 s solve must not stall the api's event loop, and several
// seeds can search side by side (services/solverRunner.ts).
import { parentPort, workerData } from "node:worker_threads";
import { solve } from "../domain/scheduling/solver";

const { instance, timeLimitMs, seed } = workerData as { instance: Parameters<typeof solve>[0]; timeLimitMs: number; seed: number };
parentPort!.postMessage(solve(instance, { timeLimitMs, seed }));
