// Bundles a Node service (api, realtime) with rolldown: TypeScript and the shared @ketnoi/contracts
// are compiled in; npm dependencies stay external and load from node_modules at run time.
// Usage (from a workspace): node ../infra/build-server.mjs src/main.ts [more entries...]
import { build } from "rolldown";
import { readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

const entries = process.argv.slice(2);
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith("@ketnoi/"));
const isExternal = (id) => id.startsWith("node:") || builtinModules.includes(id) || external.some((dep) => id === dep || id.startsWith(`${dep}/`));

rmSync("dist", { recursive: true, force: true });
await build({
  input: Object.fromEntries(entries.map((e) => [path.relative("src", e).replace(/\.ts$/, ""), e])),
  platform: "node",
  external: isExternal,
  output: { dir: "dist", format: "esm", sourcemap: true, entryFileNames: "[name].js" },
  logLevel: "warn",
});
