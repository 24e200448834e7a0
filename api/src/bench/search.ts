// bench:search: directory query latency over a 5,000-company fair, through the api's HTTP layer
// against the real database (the embedded FerretDB unless MONGODB_URI points elsewhere).
// Prints one JSON line on stdout: latencies, and the first query of a process, cold and after a restart
// (from the directory's snapshot on this host).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { connectDatabase } from "../db/connection";
import { createRepositories } from "../repositories";
import { createApp } from "../app";
import { composeServices } from "../composition";
import { generateDemoFair, generateDirectory } from "../seed/demoFair";
import { demoFairDays } from "../seed/demoDays";
import { TAXONOMY } from "@ketnoi/contracts";
import { percentile } from "./stats";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDirectorySnapshot } from "../services/directorySnapshot";

const COMPANIES = 5_000;
const QUERIES = [
  "q=co%20khi",
  "q=c%C6%A1%20kh%C3%AD%20ch%C3%ADnh%20x%C3%A1c",
  "q=nhua",
  "q=dap",
  "q=dong%20anh&kind=domestic",
  "q=thang%20long&page=2",
  "sector=sec.auto",
  "process=proc.cnc&certification=cert.iso9001",
  "certification=cert.iatf16949&sort=country",
  "country=JP",
  "kind=foreign&participation=remote",
  "language=en&sector=sec.elec&page=3",
  "page=10&pageSize=50",
  "q=robot",
];

const uri = process.env.MONGODB_URI;
if (!uri) throw new Error("MONGODB_URI is required (infra/bench.sh sets it)");
const db = await connectDatabase(uri);
await db.connection.dropDatabase();
await Promise.all(Object.values(db.models).map((m) => m.createIndexes()));
const repos = createRepositories(db.models);
await repos.taxonomy.upsertAll(TAXONOMY.version, TAXONOMY.terms);
const today = new Date();
const days = demoFairDays(today);
const fair = await repos.fairs.upsertBySlug(generateDemoFair(days).fair);
const seedStart = performance.now();
await repos.companies.upsertMany(generateDirectory(COMPANIES, days).map((c) => ({ ...c, fairId: fair.id })));
const seedSeconds = (performance.now() - seedStart) / 1000;
console.error(`seeded ${COMPANIES} companies in ${seedSeconds.toFixed(1)} s`);

// An api process as main.ts composes it (its directory's snapshot in a folder of this host); a
// second one started after the first has loaded is the restart.
const snapshotFolder = await mkdtemp(path.join(tmpdir(), "ketnoi-bench-search-"));
const startApi = async () => {
  const app = createApp(
    composeServices({
      logger: pino({ level: "silent" }),
      repos: createRepositories(db.models),
      probes: [],
      publicOrigin: "http://localhost:8080",
      now: () => today,
      directorySnapshot: createDirectorySnapshot(snapshotFolder, db.connection.name),
    }),
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/companies?` };
};
let { server, base } = await startApi();

const run = async (qs: string) => {
  const started = performance.now();
  const res = await fetch(base + qs);
  const body = (await res.json()) as { total: number };
  if (res.status !== 200) throw new Error(`${qs}: HTTP ${res.status}`);
  return { ms: performance.now() - started, total: body.total };
};
const firstQueryMs = (await run(QUERIES[0]!)).ms; // loads the in-memory directory from the database
// Restarted: the first query of a new process, from the snapshot the first one wrote after its load.
while (!(await readdir(snapshotFolder)).some((f) => f.endsWith(".bin"))) await new Promise((r) => setTimeout(r, 100));
server.close();
({ server, base } = await startApi());
const restartedFirstQueryMs = (await run(QUERIES[0]!)).ms;
await rm(snapshotFolder, { recursive: true, force: true });
for (const qs of QUERIES) await run(qs); // warm-up
const latencies: number[] = [];
const rounds = 20;
let hits = 0;
for (let r = 0; r < rounds; r++) {
  for (const qs of QUERIES) {
    const { ms, total } = await run(qs);
    latencies.push(ms);
    hits += total;
  }
}
server.close();
await db.connection.dropDatabase();
await db.close();
console.log(
  JSON.stringify({
    bench: "search",
    companies: COMPANIES,
    queries: latencies.length,
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    max_ms: percentile(latencies, 100),
    mean_hits: Math.round(hits / latencies.length),
    seed_seconds: Math.round(seedSeconds * 10) / 10,
    first_query_ms: Math.round(firstQueryMs),
    first_query_after_restart_ms: Math.round(restartedFirstQueryMs),
    database: uri.includes("127.0.0.1:27217") ? "ferretdb-sqlite" : "external",
  }),
);
