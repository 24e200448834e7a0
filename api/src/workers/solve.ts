// The solver in a worker thread: a 5 s solve must not stall the api's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { solve } from "../domain/scheduling/solver";

const { instance, timeLimitMs } = workerData as { instance: Parameters<typeof solve>[0]; timeLimitMs: number };
parentPort!.postMessage(solve(instance, { timeLimitMs }));
