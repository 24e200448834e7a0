import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// `npm run -s bench:<name>` runs infra/bench.sh <name>, which runs api/dist/bench/<name>.js: each such
// script needs its source built under that name (bench:queue once ran a file the build never made).
const root = path.resolve(__dirname, "../../..");
const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const build = (JSON.parse(readFileSync(path.join(root, "api/package.json"), "utf8")) as { scripts: { build: string } }).scripts.build;
const benches = Object.entries(scripts).flatMap(([script, command]) => {
  const name = /^bash infra\/bench\.sh (\S+)$/.exec(command)?.[1];
  return name ? [[script, name] as const] : [];
});

test("the benchmarks infra/bench.sh runs are found", () => {
  expect(benches.map(([script]) => script)).toEqual(expect.arrayContaining(["bench:api", "bench:realtime", "bench:queue", "bench:schedule"]));
});

test.each(benches)("%s is built as api/dist/bench/%s.js", (_script, name) => {
  expect(existsSync(path.join(root, `api/src/bench/${name}.ts`))).toBe(true);
  expect(build.split(/\s+/)).toContain(`src/bench/${name}.ts`);
});
