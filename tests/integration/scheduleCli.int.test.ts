import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { InstanceSchema } from "../../api/src/domain/scheduling/format";
import { checkSolution } from "../../api/src/domain/scheduling/checker";
import { ROOT } from "../support/processes";

const run = promisify(execFile);
const CLI = join(ROOT, "api/dist/cli/schedule.js");

/**
 * The command line as the issue gives it (`npm run -s schedule -- --in --out --time-limit`), built:
 * its searches run side by side in worker threads, and the plan it writes passes the checker.
 */
describe("npm run -s schedule", () => {
  const dir = mkdtempSync(join(tmpdir(), "ketnoi-schedule-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(["../shared/benchmarks/b2bsop/tic-12.json", "../shared/formats/schedule-instance.example.json"])(
    "solves %s into a feasible plan with its bound",
    async (file) => {
      const input = join(ROOT, file);
      const out = join(dir, "solution.json");
      const { stderr } = await run(process.execPath, [CLI, "--in", input, "--out", out, "--time-limit", "1"]);
      const inst = InstanceSchema.parse(JSON.parse(readFileSync(input, "utf8")));
      const solution = JSON.parse(readFileSync(out, "utf8"));
      const check = checkSolution(inst, solution);
      expect(check.violations).toEqual([]);
      expect(check.feasible).toBe(true);
      expect(solution.value).toBeCloseTo(check.value, 6);
      expect(solution.upperBound).toBeGreaterThanOrEqual(check.value - 1e-6);
      expect(stderr).toMatch(new RegExp(`^scheduled ${solution.assignments.length}/${inst.meetings.length} meetings, value ${solution.value} `, "m"));
      expect(solution.assignments.length).toBeGreaterThan(0);
    },
  );

  test("a bad instance is refused with the reason, and no plan", async () => {
    const out = join(dir, "none.json");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ version: 1, slots: [] }));
    await expect(run(process.execPath, [CLI, "--in", bad, "--out", out])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("is not a valid instance"),
    });
  });
});
