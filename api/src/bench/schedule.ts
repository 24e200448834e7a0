// bench:schedule: one JSON line per scenario, every plan checked by the independent checker.
//   SCHEDULE_BENCH=b2bsop  the 20 B2BSOP instances (../shared/benchmarks/b2bsop), 1 s each, and a total
//   SCHEDULE_BENCH=hanoi   the generated Hanoi fair (1,000 firms, 300 vendors, 5,000 requests), 5 s,
//                          and the larger one (5,000 firms, 30,000 requests), 20 s
//   SCHEDULE_BENCH=world   the largest fairs' size (generateWorld.ts: 15,000 participants, 90,000
//                          requests, 3 days of 20-minute slots), 60 s; not part of "all" (it takes minutes)
//   SCHEDULE_BENCH=all     (default) b2bsop and hanoi
// Time limits: SCHEDULE_TIME_LIMIT_MS (B2BSOP), HANOI_TIME_LIMIT_MS, HANOI30K_TIME_LIMIT_MS (0 skips
// hanoi-30k, e.g. for the 1 s Hanoi run alone), WORLD_TIME_LIMIT_MS.
// Every line also says how the plan compares with first-fit's (breaks_vs_first_fit, value_vs_first_fit),
// the process's peak resident memory so far (workers are threads of it), and the load average
// (1-minute) at its start and end: on a shared machine, read the seconds with the load.
// SCHEDULE_STATS=1 adds the solver's stats (where the time went) to every line (the world's has them).
// The solver runs as the api and the command line run it: one search per idle core side by side
// (by the load average: solverRunner.ts, idleThreads), each from its own seed, the best plan kept
// (lines say how many ran, "threads"; the b2bsop-total line, at most how many). SCHEDULE_CLOCK=cpu
// instead runs one search in this process on its CPU time rather than the wall clock, so that the
// limits mean the same work on a machine busy with other jobs (lines then say "clock": "cpu").
import { readFileSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { InstanceSchema, type Instance } from "../domain/scheduling/format";
import { solve } from "../domain/scheduling/solver";
import { solverThreads, workerSolver } from "../services/solverRunner";
import { checkSolution } from "../domain/scheduling/checker";
import { firstFit } from "../domain/scheduling/firstFit";
import { generateHanoiScale } from "../domain/scheduling/generateHanoi";
import { generateWorld } from "../domain/scheduling/generateWorld";
import { loadSatSolver } from "../services/satSolver";

const which = process.env.SCHEDULE_BENCH ?? "all";
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const cpuClock = process.env.SCHEDULE_CLOCK === "cpu";
const cpuMillis = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const threads = cpuClock ? 1 : solverThreads();
const parallel = workerSolver(new URL("../workers/solve.js", import.meta.url), { threads });
const sat = cpuClock ? await loadSatSolver() : undefined;

async function run(name: string, inst: Instance, limitMs: number, extra: Record<string, unknown> = {}, withStats = false) {
  const baseline = firstFit(inst);
  const loadAtStart = loadavg()[0]!;
  const started = performance.now();
  const result = cpuClock ? solve(inst, { timeLimitMs: limitMs, now: cpuMillis, sat }) : await parallel.solve(inst, limitMs);
  const seconds = (performance.now() - started) / 1000;
  const check = checkSolution(inst, result);
  const line = {
    bench: "schedule",
    instance: name,
    meetings: inst.meetings.length,
    scheduled: result.assignments.length,
    value: round(check.value, 3),
    upper_bound: round(result.upperBound, 3),
    ratio: round(check.value / result.upperBound),
    breaks: check.breaks,
    first_fit_value: round(baseline.value, 3),
    first_fit_breaks: baseline.breaks,
    seconds: round(seconds, 2),
    time_limit_s: limitMs / 1000,
    feasible: check.feasible,
    breaks_vs_first_fit: round(check.breaks / Math.max(1, baseline.breaks)),
    value_vs_first_fit: round(check.value / baseline.value),
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    load_start: round(loadAtStart, 2),
    load_end: round(loadavg()[0]!, 2),
    ...(result.stats.breaksLowerBound === undefined ? {} : { breaks_lower_bound: result.stats.breaksLowerBound }),
    ...(cpuClock ? { clock: "cpu" } : { threads: result.stats.searches ?? threads }),
    ...extra,
    ...(withStats || process.env.SCHEDULE_STATS === "1" ? { stats: result.stats } : {}),
  };
  console.log(JSON.stringify(line));
  return { line, check, result };
}

if (which === "b2bsop" || which === "all") {
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
  const total = { breaks: 0, optimum: 0, firstFitBreaks: 0, feasible: true, scheduled: true, seconds: 0, atOptimum: 0 };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const name = file.replace(/\.json$/, "");
    const inst = InstanceSchema.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
    const { line, check, result } = await run(name, inst, limitMs, { published_optimum: optimum.get(name) ?? null });
    total.breaks += check.breaks;
    total.optimum += optimum.get(name) ?? 0;
    total.firstFitBreaks += line.first_fit_breaks;
    total.feasible &&= check.feasible;
    total.scheduled &&= result.unscheduled.length === 0;
    total.seconds += line.seconds;
    if (check.breaks <= (optimum.get(name) ?? -1)) total.atOptimum++;
  }
  console.log(
    JSON.stringify({
      bench: "schedule",
      instance: "b2bsop-total",
      all_feasible: total.feasible,
      all_scheduled: total.scheduled,
      breaks: total.breaks,
      published_optimum: total.optimum,
      at_or_below_published: total.atOptimum,
      first_fit_breaks: total.firstFitBreaks,
      seconds: round(total.seconds, 2),
      time_limit_s: limitMs / 1000,
      ...(cpuClock ? { clock: "cpu" } : { threads }),
    }),
  );
}

if (which === "hanoi" || which === "all") {
  await run("hanoi", generateHanoiScale("hanoi"), Number(process.env.HANOI_TIME_LIMIT_MS ?? 5000), { participants: 1300 });
  const limit30k = Number(process.env.HANOI30K_TIME_LIMIT_MS ?? 20000);
  if (limit30k > 0) await run("hanoi-30k", generateHanoiScale("hanoi-30k"), limit30k, { participants: 6500 });
}

if (which === "world") {
  await run("world", generateWorld(), Number(process.env.WORLD_TIME_LIMIT_MS ?? 60000), { participants: 15000 }, true);
}
