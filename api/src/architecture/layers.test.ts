import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The api's import direction: routes → commands → (domain, policies, repositories) → db.
 * Each layer lists what it must never import; a file breaking a rule fails this test with the import named.
 * Test files are left out (a test may reach into any layer it checks).
 */
const SRC = resolve(__dirname, "..");

interface Rule {
  layer: string;
  /** Layers (folders or files under api/src, without extension) this one must not import. */
  never: string[];
  /** Packages this layer must not import. */
  packages?: string[];
  /** Whether `import type` of a forbidden layer is still allowed (records flow down as types). */
  typesAllowed?: boolean;
}

const RULES: Rule[] = [
  { layer: "routes", never: ["repositories", "db", "policies", "composition"], packages: ["mongoose"] },
  // A route may name the types its commands take and give, but calls neither the domain nor a service itself.
  { layer: "routes", never: ["domain", "services"], typesAllowed: true },
  { layer: "commands", never: ["routes", "http", "presenters", "composition", "db"], packages: ["express", "mongoose"] },
  { layer: "presenters", never: ["routes", "commands", "http", "services", "db", "composition"], packages: ["express", "mongoose"] },
  { layer: "presenters", never: ["repositories"], typesAllowed: true },
  { layer: "policies", never: ["routes", "commands", "http", "services", "presenters", "db", "composition"], packages: ["express", "mongoose"] },
  { layer: "policies", never: ["repositories"], typesAllowed: true },
  { layer: "services", never: ["routes", "commands", "http", "presenters", "composition"], packages: ["express"] },
  { layer: "repositories", never: ["routes", "commands", "http", "services", "policies", "presenters", "composition"], packages: ["express"] },
  { layer: "db", never: ["routes", "commands", "http", "services", "policies", "presenters", "repositories", "domain", "composition"] },
  {
    layer: "domain",
    never: [
      "routes",
      "commands",
      "http",
      "services",
      "policies",
      "presenters",
      "repositories",
      "db",
      "composition",
      "auth",
      "config",
      "seed",
      "jobs",
    ],
    packages: ["express", "mongoose", "mongodb", "pino", "i18next", "redis", "bullmq", "livekit-server-sdk", "nodemailer"],
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

interface Import {
  file: string;
  /** A path under api/src for the tree's own files, else the package's name. */
  target: string;
  local: boolean;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = m[3] ?? m[4] ?? m[5] ?? "";
    const local = spec.startsWith(".");
    const target = local ? relative(SRC, resolve(dirname(file), spec)) : spec;
    return { file: relative(SRC, file), target, local, typeOnly: Boolean(m[2]) };
  });
}

const within = (path: string, layer: string) => path === layer || path.startsWith(`${layer}/`);

export function violations(files: string[]): string[] {
  const found: string[] = [];
  for (const imp of files.flatMap(importsOf)) {
    for (const rule of RULES) {
      if (!within(imp.file, rule.layer)) continue;
      if (imp.typeOnly && rule.typesAllowed) continue;
      const hitsLayer = imp.local && rule.never.some((layer) => within(imp.target, layer));
      const hitsPackage = (rule.packages ?? []).some((pkg) => imp.target === pkg || imp.target.startsWith(`${pkg}/`));
      if (hitsLayer || hitsPackage) found.push(`${imp.file} imports ${imp.target} (${rule.layer} must not)`);
    }
  }
  return found;
}

describe("the api's import direction", () => {
  const files = sourceFiles(SRC).filter((f) => !relative(SRC, f).startsWith("bench/"));

  test("reads every layer (a rule over no files proves nothing)", () => {
    for (const layer of new Set(RULES.map((r) => r.layer))) expect(files.some((f) => within(relative(SRC, f), layer))).toBe(true);
  });

  test("no layer imports against the direction routes → commands → (domain, policies, repositories) → db", () => {
    expect(violations(files)).toEqual([]);
  });

  test("the check catches a route that imports a repository, and a type-only import of one", () => {
    const probe = join(SRC, "routes", "probe.ts");
    const text = 'import type { Repositories } from "../repositories";\nimport { Company } from "../db/models/company";\n';
    const spy = jest.spyOn(require("node:fs"), "readFileSync").mockImplementation(() => text);
    try {
      expect(violations([probe])).toEqual([
        "routes/probe.ts imports repositories (routes must not)",
        "routes/probe.ts imports db/models/company (routes must not)",
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});
