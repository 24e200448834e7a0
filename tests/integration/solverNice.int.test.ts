import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getPriority } from "node:os";
import { InstanceSchema } from "../../api/src/domain/scheduling/format";
import { checkSolution } from "../../api/src/domain/scheduling/checker";
import { workerSolver } from "../../api/src/services/solverRunner";
import { ROOT } from "../support/processes";

/** The nice value of each of this process's threads, from /proc (field 19 of a task's stat). */
function threadNiceValues(): number[] {
  return readdirSync("/proc/self/task").flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      return [Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])];
    } catch {
      return []; // the thread ended while we looked
    }
  });
}

/**
 * The api runs the auto-scheduler in worker threads made nicer than itself (SOLVER_NICE), so a
 * scheduler run during the fair takes idle cores without slowing the requests being served
 * (bench:api's agenda-during-scheduler-run). Checked on the real threads, as Linux reports them.
 */
test("solver threads run at the lower priority asked for, and still return a feasible plan", async () => {
  const instance = InstanceSchema.parse(JSON.parse(readFileSync(join(ROOT, "../shared/benchmarks/b2bsop/forum-13crafb.json"), "utf8")));
  const own = getPriority();
  const solving = workerSolver(pathToFileURL(join(ROOT, "api/dist/workers/solve.js")), { threads: 2, nice: 7 }).solve(instance, 2000);
  const seen = new Set<number>();
  let done = false;
  void solving.finally(() => (done = true));
  while (!done) {
    for (const nice of threadNiceValues()) seen.add(nice);
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(seen).toContain(own + 7);
  const plan = await solving;
  expect(checkSolution(instance, plan)).toMatchObject({ feasible: true });
  expect(plan.unscheduled).toEqual([]);
}, 30_000);
