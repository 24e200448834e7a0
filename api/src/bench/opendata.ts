// bench:opendata: the public CNHT data under load. 5,000 firms over three years of events (a yearly
// fair each; firms join in different years and most come back, as a programme's firms do; a tenth
// did not consent to listing), with meetings held each year, then the api as its own process with
// autocannon on the public statistics, the firms' CSV and the firms' JSON: one JSON line each with
// requests/s, p50/p99 latency, the body's bytes and the ratio to a bare Express endpoint measured in
// the same run. The first answer after start reads everything once (cold_ms); later answers come
// from the snapshot cached for the data's revision.
import { Types } from "mongoose";
import { TAXONOMY } from "@ketnoi/contracts";
import { connectDatabase } from "../db/connection";
import { createRepositories } from "../repositories";
import { generateDemoFair, generateDirectory } from "../seed/demoFair";
import { demoFairDays } from "../seed/demoDays";
import { createRandom } from "../domain/random";
import { resultLine, startApiProcesses } from "./apiStack";

const FIRMS = 5_000;
const YEARS = 3;
const RETURNING = 0.75;
const UNLISTED = 0.1;
const MEETINGS_PER_YEAR = 2_000;
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 32);
const uri = process.env.MONGODB_URI;
if (!uri) throw new Error("MONGODB_URI is required (infra/bench.sh sets it)");

const db = await connectDatabase(uri);
await db.connection.dropDatabase();
await Promise.all(Object.values(db.models).map((m) => m.createIndexes()));
const repos = createRepositories(db.models);
await repos.taxonomy.upsertAll(TAXONOMY.version, TAXONOMY.terms);
const { next: random } = createRandom(2026);
const seedStart = performance.now();

// Three yearly fairs, the last the coming one.
const days = demoFairDays(new Date());
const shift = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
const setup = generateDemoFair(days).fair;
const events: Awaited<ReturnType<typeof repos.fairs.upsertBySlug>>[] = [];
for (let back = YEARS - 1; back >= 0; back--) {
  events.push(await repos.fairs.upsertBySlug({ ...setup, slug: `cnht-bench-${back}`, days: setup.days.map((d) => shift(d, -back)) }));
}

// Each firm joins in some year (half in the first), then comes back each later year with RETURNING odds.
const firms = generateDirectory(FIRMS, days).map((c) => {
  const r = random();
  const first = r < 0.5 ? 0 : r < 0.75 ? 1 : 2;
  return { ...c, fairId: events[first]!.id, listed: random() >= UNLISTED };
});
const ids = await repos.companies.upsertMany(firms);
const registrations = firms.flatMap((c) => {
  const first = events.findIndex((e) => e.id === c.fairId);
  return events
    .slice(first + 1)
    .flatMap((e) =>
      random() < RETURNING
        ? [{ fairId: e.id, companyId: ids.get(c.registrationKey)!, status: "approved" as const, participation: c.participation }]
        : [],
    );
});
await repos.participations.ensureMany(registrations);

// Meetings held each year between firms that took part that year.
const byEvent = new Map<string, string[]>();
for (const p of await repos.participations.listForFairs(events.map((e) => e.id)))
  byEvent.set(p.fairId, [...(byEvent.get(p.fairId) ?? []), p.companyId]);
const meetings = events.flatMap((e) => {
  const there = byEvent.get(e.id)!;
  return Array.from({ length: MEETINGS_PER_YEAR }, (_, n) => {
    const a = there[Math.floor(random() * there.length)]!;
    const b = there[(there.indexOf(a) + 1 + Math.floor(random() * (there.length - 1))) % there.length]!;
    const pair = [new Types.ObjectId(a), new Types.ObjectId(b)];
    return {
      fairId: new Types.ObjectId(e.id),
      requesterId: pair[0],
      recipientId: pair[1],
      parties: pair,
      requestedBy: new Types.ObjectId(),
      source: "scheduler",
      preferredMode: "either",
      status: "held",
      version: 1,
      checkInCode: `bench-${e.id}-${n}`,
    };
  });
});
for (let i = 0; i < meetings.length; i += 500) await db.models.Meeting.insertMany(meetings.slice(i, i + 500));
console.error(
  `seeded ${FIRMS} firms, ${firms.length + registrations.length} registrations over ${YEARS} years, ${meetings.length} meetings held in ` +
    `${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

const stack = await startApiProcesses(uri, CONNECTIONS);
const line = resultLine("opendata");

const bare = await stack.run({ url: stack.bareUrl, duration: DURATION_S });
const ceiling = bare.requests.average;
line("bare-express", bare, ceiling);
let failed = bare.non2xx > 0;
for (const [scenario, path] of [
  ["statistics", "/api/open-data/statistics"],
  ["firms-csv", "/api/open-data/firms.csv"],
  ["firms-json", "/api/open-data/firms.json"],
] as const) {
  // The first answer: the snapshot read and counted (statistics), or the download written from it.
  const started = performance.now();
  const res = await fetch(`${stack.base}${path}`);
  const bytes = (await res.arrayBuffer()).byteLength;
  const coldMs = Math.round(performance.now() - started);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  const r = await stack.run({ url: `${stack.base}${path}`, duration: DURATION_S });
  failed ||= r.non2xx > 0 || r.errors > 0;
  line(scenario, r, ceiling, { bytes, cold_ms: coldMs });
}
stack.stop();
await db.connection.dropDatabase();
await db.close();
process.exit(failed ? 1 : 0);
