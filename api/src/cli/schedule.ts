// npm run -s schedule -- --in instance.json --out solution.json [--time-limit SECONDS]
// Reads an instance in the scheduling file format, writes a solution in it; a summary goes to stderr.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { InstanceSchema } from "../domain/scheduling/format";
import { solve } from "../domain/scheduling/solver";

const { values } = parseArgs({ options: { in: { type: "string" }, out: { type: "string" }, "time-limit": { type: "string", default: "10" } } });
if (!values.in || !values.out) {
  console.error("usage: npm run -s schedule -- --in instance.json --out solution.json [--time-limit SECONDS]");
  process.exit(2);
}
const seconds = Number(values["time-limit"]);
if (!(seconds > 0)) {
  console.error("--time-limit must be a positive number of seconds");
  process.exit(2);
}
const parsed = InstanceSchema.safeParse(JSON.parse(readFileSync(values.in, "utf8")));
if (!parsed.success) {
  console.error(`${values.in} is not a valid instance:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(2);
}
const result = solve(parsed.data, { timeLimitMs: seconds * 1000 });
const { stats, breaks, ...solution } = result;
writeFileSync(values.out, JSON.stringify(solution, null, 2) + "\n");
console.error(
  `scheduled ${solution.assignments.length}/${parsed.data.meetings.length} meetings, value ${solution.value} of at most ${solution.upperBound}, ${breaks} breaks, ${stats.millis} ms`,
);
