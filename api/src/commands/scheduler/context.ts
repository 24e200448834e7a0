import type { MeetingContext } from "../meetings/context";
import type { SolverRunner } from "../../services/solverRunner";

/** The meeting context plus where the solver runs. */
export interface SchedulerContext extends MeetingContext {
  solver: SolverRunner;
}
