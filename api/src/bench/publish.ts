// bench:publish: publishing a plan of about 5,000 meetings (PUBLISH_BENCH_MEETINGS) on the real
// database. A fair of the size of a large matchmaking event (3,000 firms, three days of 20-minute
// slots, 300 tables, 150 online rooms, the demo's interpreters), proposals between firms that share a
// language, the auto-scheduler's plan over them (not timed), then the publish as the organiser's
// click runs it (timed): every planned meeting booked through the same reservations a single booking
// claims. One JSON line; the target is under 15 s (before batching: 390 meetings took 17 s).
import { loadavg } from "node:os";
import { DateTime } from "luxon";
import { pino } from "pino";
import { TAXONOMY } from "@ketnoi/contracts";
import { connectDatabase } from "../db/connection";
import { createRepositories } from "../repositories";
import { composeServices } from "../composition";
import { generateDemoFair, generateDirectory } from "../seed/demoFair";
import { demoFairDays } from "../seed/demoDays";
import { runScheduler, type Proposal } from "../commands/scheduler/runScheduler";
import { publishPlan } from "../commands/scheduler/publishPlan";

const MEETINGS = Number(process.env.PUBLISH_BENCH_MEETINGS ?? 5000);
const FIRMS = 3000;
const SOLVER_LIMIT_MS = Number(process.env.PUBLISH_BENCH_SOLVER_MS ?? 20_000);
const TARGET_S = 15;

const uri = process.env.MONGODB_URI;
if (!uri) throw new Error("MONGODB_URI is required (infra/bench.sh sets it)");
// PUBLISH_BENCH_TRACE=1: where the publish's time goes, per collection and command (to stderr).
const trace = process.env.PUBLISH_BENCH_TRACE === "1";
const db = await connectDatabase(uri, { monitorCommands: trace });
await db.connection.dropDatabase();
await Promise.all(Object.values(db.models).map((m) => m.createIndexes()));
const repos = createRepositories(db.models);
const now = new Date();
const [first, second] = demoFairDays(now);
const third = DateTime.fromISO(second).plus({ days: 1 }).toISODate()!;
const demo = generateDemoFair([first, second]);
await repos.taxonomy.upsertAll(TAXONOMY.version, TAXONOMY.terms);
const fair = await repos.fairs.upsertBySlug({
  ...demo.fair,
  days: [first, second, third],
  slotMinutes: 20,
  onsiteTables: 300,
  onlineRoomsPerSlot: 150,
});
const ids = await repos.companies.upsertMany(generateDirectory(FIRMS, [first, second]).map((c) => ({ ...c, fairId: fair.id })));
await db.models.Company.updateMany({}, { $set: { listed: true, blockedSlots: [], status: "approved" } });
await repos.interpreters.upsertMany(demo.interpreters.map((i) => ({ ...i, availableDays: [first, second, third], fairId: fair.id })));
const organiser = await repos.users.create({
  email: "organiser@bench.vn",
  name: "Bench Organiser",
  role: "organiser",
  locale: "vi",
  timeZone: fair.timeZone,
  consents: [],
  passwordHash: "!",
});

// Proposals between firms that share a language (buyers and suppliers, domestic and foreign: the
// directory has few foreign vendors, and a vendor meets at most once per slot), spread evenly, a
// fifth more than the plan should hold (the scheduler leaves some out).
const companies = await repos.companies.findByIds([...ids.values()]);
const proposals: Proposal[] = [];
const seen = new Set<string>();
for (let round = 1; proposals.length < MEETINGS && round < companies.length; round++) {
  for (const [i, a] of companies.entries()) {
    const b = companies[(i + round * 7919) % companies.length]!;
    const pair = [a.id, b.id].sort().join(":");
    if (a.id === b.id || seen.has(pair) || !a.languages.some((l) => b.languages.includes(l))) continue;
    seen.add(pair);
    proposals.push({ a: a.id, b: b.id, score: 0.5 + ((round * 37 + i) % 50) / 100 });
    if (proposals.length >= MEETINGS) break;
  }
}

const services = composeServices({ logger: pino({ level: "silent" }), repos, probes: [], publicOrigin: "http://localhost:8080", now: () => now });
const planStarted = performance.now();
const plan = await runScheduler(services.scheduler, organiser, undefined, { timeLimitMs: SOLVER_LIMIT_MS, proposals: async () => proposals });
const planSeconds = (performance.now() - planStarted) / 1000;
const planned = plan.solution.assignments.filter((a) => plan.sources[a.meeting]?.kind !== "booked").length;

const load = loadavg()[0]!;
const commands = trace ? traceCommands() : undefined;
const started = performance.now();
const published = await publishPlan(services.scheduler, organiser, plan.id);
const seconds = (performance.now() - started) / 1000;
commands?.report();
const booked = published.publishResult!.booked;
const doubleBooked = await db.models.Meeting.countDocuments({ status: "booked" }).then((n) => n - booked);

/** Counts every command the client sends from now on and its time, reported by collection and command, most time first. */
function traceCommands() {
  const client = db.connection.getClient();
  const open = new Map<number, string>();
  const totals = new Map<string, { count: number; ms: number }>();
  client.on("commandStarted", (e) => open.set(e.requestId, `${String(e.command[e.commandName])}.${e.commandName}`));
  const done = (e: { requestId: number; duration: number }) => {
    const name = open.get(e.requestId);
    if (!name) return;
    open.delete(e.requestId);
    const t = totals.get(name) ?? { count: 0, ms: 0 };
    totals.set(name, { count: t.count + 1, ms: t.ms + e.duration });
  };
  client.on("commandSucceeded", done);
  client.on("commandFailed", done);
  return {
    report: () => {
      for (const [name, t] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
        console.error(`${name.padEnd(40)} ${String(t.count).padStart(6)} commands ${Math.round(t.ms).toString().padStart(7)} ms`);
    },
  };
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
console.log(
  JSON.stringify({
    bench: "publish",
    firms: companies.length,
    slots: plan.instance.slots.length,
    proposals: proposals.length,
    plan_seconds: round(planSeconds, 1),
    meetings_planned: planned,
    booked,
    conflicts: published.publishResult!.conflicts.length,
    booked_meetings_beyond_plan: doubleBooked,
    seconds: round(seconds),
    meetings_per_s: round(booked / seconds, 1),
    ms_per_meeting: round((seconds * 1000) / Math.max(1, planned), 2),
    target_s: TARGET_S,
    under_target: seconds < TARGET_S,
    load_avg_1m: [round(load), round(loadavg()[0]!)],
  }),
);
await db.close();
process.exit(0);
