// bench:schedule: the B2BSOP benchmark (../shared/benchmarks/b2bsop): every instance solved within
// a 1 s limit, checked by the independent checker; one JSON line per instance, then a total.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { InstanceSchema } from "../domain/scheduling/format";
import { solve } from "../domain/scheduling/solver";
import { checkSolution } from "../domain/scheduling/checker";

const dir = process.env.B2BSOP_DIR ?? path.resolve(process.cwd(), "../shared/benchmarks/b2bsop");
const limitMs = Number(process.env.SCHEDULE_TIME_LIMIT_MS ?? 1000);
// Published optima (Table 5 of Bofill et al., with their extra fairness rule) from the README's table.
const optimum = new Map(
  readFileSync(path.join(dir, "README.md"), "utf8")
    .split("\n")
    .map((line) => line.split("|").map((c) => c.trim()))
    .filter((c) => c.length > 7 && /^\d+$/.test(c[6] ?? ""))
    .map((c) => [c[1]!, Number(c[6])]),
);
let totalBreaks = 0;
let totalOptimum = 0;
let allFeasible = true;
let allScheduled = true;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const name = file.replace(/\.json$/, "");
  const inst = InstanceSchema.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
  const started = performance.now();
  const result = solve(inst, { timeLimitMs: limitMs });
  const seconds = (performance.now() - started) / 1000;
  const check = checkSolution(inst, result);
  totalBreaks += check.breaks;
  totalOptimum += optimum.get(name) ?? 0;
  allFeasible &&= check.feasible;
  allScheduled &&= result.unscheduled.length === 0;
  console.log(
    JSON.stringify({
      bench: "schedule",
      instance: name,
      meetings: inst.meetings.length,
      scheduled: result.assignments.length,
      feasible: check.feasible,
      breaks: check.breaks,
      published_optimum: optimum.get(name) ?? null,
      greedy_breaks: result.stats.greedyBreaks,
      seconds: Math.round(seconds * 100) / 100,
    }),
  );
}
console.log(JSON.stringify({ bench: "schedule", instance: "b2bsop-total", all_feasible: allFeasible, all_scheduled: allScheduled, breaks: totalBreaks, published_optimum: totalOptimum, time_limit_s: limitMs / 1000 }));
