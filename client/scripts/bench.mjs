#!/usr/bin/env node
// npm run -s bench:client: one JSON line with the gzipped size of each route's initial JavaScript.
// A route's initial JS is the entry chunk, the route's own lazy chunk, and every chunk they import
// statically (transitively); chunks reached only through import() load later and are not counted.
// Builds client/dist first when it is missing (or with --build).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const client = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(client, "dist");
if (process.argv.includes("--build") || !existsSync(path.join(dist, "index.html"))) {
  execFileSync("npx", ["vite", "build", "--logLevel", "error"], { cwd: client, stdio: ["ignore", "ignore", "inherit"] });
}
const assets = path.join(dist, "assets");
const files = readdirSync(assets).filter((f) => f.endsWith(".js"));
const gz = new Map(files.map((f) => [f, gzipSync(readFileSync(path.join(assets, f))).length]));
/** Static imports only: `import ... from "./x.js"` and bare `import "./x.js"`, not import(). */
const staticImports = (file) =>
  [...readFileSync(path.join(assets, file), "utf8").matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)].map(
    (m) => m[1],
  );
const closure = (start) => {
  const seen = new Set();
  const stack = [...start];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f) || !gz.has(f)) continue;
    seen.add(f);
    stack.push(...staticImports(f));
  }
  return seen;
};
const html = readFileSync(path.join(dist, "index.html"), "utf8");
const entry = [...html.matchAll(/<script[^>]+src="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);

// Routes and their page modules, read from the router (App.tsx).
const app = readFileSync(path.join(client, "src", "App.tsx"), "utf8");
const modules = new Map([...app.matchAll(/const (\w+) = lazy\(\(\) => import\("\.\/([^"]+)"\)\)/g)].map((m) => [m[1], path.basename(m[2])]));
const routes = [["/", "Home"], ...[...app.matchAll(/\[\s*"([^"]+)",\s*(\w+)\s*\]/g)].map((m) => [`/${m[1]}`, m[2]])];
const chunkOf = (name) => files.find((f) => new RegExp(`^${name}-[\\w-]{6,}\\.js$`).test(f));

const sizes = {};
for (const [route, component] of routes) {
  const chunk = chunkOf(modules.get(component) ?? component);
  if (!chunk) continue;
  sizes[route] = [...closure([...entry, chunk])].reduce((sum, f) => sum + gz.get(f), 0);
}
const entryBytes = [...closure(entry)].reduce((sum, f) => sum + gz.get(f), 0);
console.log(JSON.stringify({ bench: "client", unit: "bytes_gzip", entry: entryBytes, routes: sizes }));
