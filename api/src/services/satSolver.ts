import { Cadical, loadCadical } from "cadical-wasm";
import type { SatFactory } from "../domain/scheduling/cnf";

/**
 * CaDiCaL (compiled to WebAssembly, from npm) as the scheduler's SAT solver. Loading the module is
 * asynchronous, so a process loads it once and then creates solvers synchronously.
 */
export async function loadSatSolver(): Promise<SatFactory> {
  const mod = await loadCadical();
  return () => {
    // Lucky phases and inprocessing cost whole seconds on the first call of a formula this size
    // (B2BSOP forum-14) and gain nothing over many short calls.
    const solver = new Cadical(mod, { quiet: true, lucky: false, inprocessing: false });
    return {
      addClause: (lits) => solver.addClause(lits),
      solve: (assumptions, conflictLimit) => solver.solve({ assumptions, ...(conflictLimit ? { conflicts: conflictLimit } : {}) }),
      value: (lit) => solver.value(lit),
      failedAssumptions: () => solver.failedAssumptions(),
      phase: (lit) => solver.phase(lit),
      setTerminate: (stop) => solver.setTerminate(stop),
      dispose: () => solver.dispose(),
    };
  };
}
