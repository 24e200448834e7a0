// npm run -s fair:export -- --slug SLUG --out fair.json
// npm run -s fair:import -- --in fair.json
// A whole fair's data as one JSON file (Extended JSON), for moving or archiving a fair. Full backups
// are mongodump/mongorestore (or the SQLite files of the embedded database): see the README.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { connectDatabase } from "../db/connection";
import { ScriptEnvSchema } from "../config/env";
import { createRepositories } from "../repositories";
import { exportFair, FairImportError, importFair } from "../commands/fairs/fairData";

const env = ScriptEnvSchema.safeParse(process.env);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { slug: { type: "string" }, out: { type: "string" }, in: { type: "string" } },
});
const command = positionals[0];
if (
  !env.success ||
  (command === "export" && (!values.slug || !values.out)) ||
  (command === "import" && !values.in) ||
  !["export", "import"].includes(command ?? "")
) {
  console.error("usage (MONGODB_URI set): fairData export --slug SLUG --out FILE | fairData import --in FILE");
  process.exit(2);
}
const db = await connectDatabase(env.data!.MONGODB_URI, { revisionsRedisUrl: env.data!.REDIS_URL });
const repos = createRepositories(db.models);
try {
  if (command === "export") {
    const text = await exportFair({ repos }, values.slug!);
    if (text === null) {
      console.error(`no fair "${values.slug}"`);
      process.exitCode = 1;
    } else {
      writeFileSync(values.out!, text);
      console.error(`exported fair "${values.slug}" to ${values.out}`);
    }
  } else {
    const counts = await importFair({ repos }, readFileSync(values.in!, "utf8"));
    console.error(
      `imported: ${Object.entries(counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(", ")}`,
    );
  }
} catch (err) {
  if (!(err instanceof FairImportError)) throw err;
  console.error(`import refused: ${err.message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
