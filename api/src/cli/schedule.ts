// npm run -s schedule -- --in instance.json --out solution.json [--time-limit SECONDS] [--interpreter-max-run N]
//   reads an instance in the scheduling file format, writes a solution in it; a summary goes to stderr.
//   --interpreter-max-run sets (overrides) the instance's interpreterMaxRun: at most N meetings in a row per interpreter.
// npm run -s schedule -- --gen hanoi|hanoi-30k|world --out instance.json [--seed N]
//   writes the generated Hanoi-scale instance, so that it can be solved and checked from outside.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { InstanceSchema } from "../domain/scheduling/format";
import { checkSolution } from "../domain/scheduling/checker";
import { workerSolver } from "../services/solverRunner";
import { HANOI_SCALES, generateHanoiScale } from "../domain/scheduling/generateHanoi";
import { generateWorld } from "../domain/scheduling/generateWorld";

const usage = `usage: npm run -s schedule -- --in instance.json --out solution.json [--time-limit SECONDS] [--interpreter-max-run N]
       npm run -s schedule -- --gen ${[...Object.keys(HANOI_SCALES), "world"].join("|")} --out instance.json [--seed N]`;
const { values } = parseArgs({
  options: {
    in: { type: "string" },
    out: { type: "string" },
    "time-limit": { type: "string", default: "10" },
    gen: { type: "string" },
    seed: { type: "string", default: "2026" },
    "interpreter-max-run": { type: "string" },
  },
});
if (!values.out || (!values.in && !values.gen)) {
  console.error(usage);
  process.exit(2);
}
if (values.gen) {
  const scale = values.gen;
  const seed = Number(values.seed);
  if (!(scale in HANOI_SCALES || scale === "world") || !Number.isInteger(seed)) {
    console.error(usage);
    process.exit(2);
  }
  // "world": the largest fairs' size (90,000 requests; generateWorld.ts).
  const inst = scale === "world" ? generateWorld({ seed }) : generateHanoiScale(scale as keyof typeof HANOI_SCALES, seed);
  writeFileSync(values.out, `${JSON.stringify(inst)}\n`);
  console.error(
    `wrote ${values.out}: ${inst.participants.length} participants, ${inst.meetings.length} meetings, ${inst.slots.length} slots, ${inst.interpreters.length} interpreters`,
  );
  process.exit(0);
}
const seconds = Number(values["time-limit"]);
if (!(seconds > 0)) {
  console.error("--time-limit must be a positive number of seconds");
  process.exit(2);
}
const parsed = InstanceSchema.safeParse(JSON.parse(readFileSync(values.in!, "utf8")));
if (!parsed.success) {
  console.error(`${values.in} is not a valid instance:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(2);
}
const maxRun = values["interpreter-max-run"] === undefined ? undefined : Number(values["interpreter-max-run"]);
if (maxRun !== undefined && !(Number.isInteger(maxRun) && maxRun >= 1)) {
  console.error("--interpreter-max-run must be a whole number of meetings, 1 or more");
  process.exit(2);
}
const instance = maxRun === undefined ? parsed.data : { ...parsed.data, interpreterMaxRun: maxRun };
// One search per core, each from its own seed; the best plan is written.
const result = await workerSolver(new URL("../workers/solve.js", import.meta.url)).solve(instance, seconds * 1000);
const { stats, breaks, ...solution } = result;
writeFileSync(values.out, `${JSON.stringify(solution, null, 2)}\n`);
const { interpreters } = checkSolution(instance, solution);
console.error(
  `scheduled ${solution.assignments.length}/${parsed.data.meetings.length} meetings, value ${solution.value} of at most ${solution.upperBound}, ${breaks} breaks, ${stats.millis} ms; ` +
    `interpreters: longest run ${interpreters.longestRun}${instance.interpreterMaxRun ? ` (at most ${instance.interpreterMaxRun}, ${interpreters.runsAtCap} runs at it)` : ""}, ` +
    `average table distance ${interpreters.averageTableDistance ?? "-"}`,
);
