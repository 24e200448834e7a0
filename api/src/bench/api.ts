// bench:api: the api under load, as a separate process on loopback against the real database, with
// autocannon. One JSON line per scenario: directory search, recommendations, agenda (alone and during
// an auto-scheduler run), booking under contention (hundreds of firms booking the same vendors'
// slots at once) and without (1,000 distinct pairs at once over 64 clients), each with requests/s, p50/p99 latency, errors and the ratio to a bare Express
// endpoint measured in the same run (the ceiling on this machine). The booking run ends by checking
// the database for double bookings.
import { resultLine, startBenchStack } from "./apiStack";

const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 8);
/** The window of the api's meeting-requests limit per user (http/rateLimits.ts), and a second. */
const RATE_WINDOW_MS = 61_000;
/**
 * Meeting requests each firm's owner makes in the contended run, in turn: under the api's 30 a minute
 * per user, so the run measures bookings and their refusals, not the limit's (an 8-second run, once
 * bookings were fast, asked 38 of each user and 579 of its answers were 429).
 */
const CONTENDED_PER_USER = 28;
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 32);
const uri = process.env.MONGODB_URI;
if (!uri) throw new Error("MONGODB_URI is required (infra/bench.sh sets it)");

const stack = await startBenchStack(uri, CONNECTIONS);
/** Answers refused by a user's rate limit (counted among the 4xx): cheap, so a run with many of them is not a booking figure. */
const rateLimited = (r: { statusCodeStats?: Record<string, { count?: number }> }) => r.statusCodeStats?.["429"]?.count ?? 0;
const line = resultLine("api");

const bare = await stack.run({ url: stack.bareUrl, duration: DURATION_S });
const ceiling = bare.requests.average;
line("bare-express", bare, ceiling);
line("directory-search", await stack.run({ url: `${stack.base}/api/companies?q=co%20khi&pageSize=20`, duration: DURATION_S }), ceiling);
await fetch(`${stack.base}/api/recommendations`, { headers: { cookie: stack.sessions[0]!.cookie } }); // builds the matcher
line(
  "recommendations",
  await stack.run({ url: stack.base, duration: DURATION_S, requests: [stack.asFirm("GET", "/api/recommendations?k=10")] as never }),
  ceiling,
);
line("agenda", await stack.run({ url: stack.base, duration: DURATION_S, requests: [stack.asFirm("GET", "/api/meetings")] as never }), ceiling);
// The same agenda reads while the organiser's scheduler run keeps its solver threads busy: what
// participants feel when the plan is computed during the fair.
const solving = stack.runScheduler(DURATION_S + 2);
await new Promise((r) => setTimeout(r, 1000)); // the solve under way
line(
  "agenda-during-scheduler-run",
  await stack.run({ url: stack.base, duration: DURATION_S, requests: [stack.asFirm("GET", "/api/meetings")] as never }),
  ceiling,
);
await solving;
const booking = await stack.run({ url: stack.base, amount: stack.sessions.length * CONTENDED_PER_USER, requests: [stack.booking()] as never });
// autocannon stops without waiting for the answers in flight: count once the last of them is stored.
let check = await stack.doubleBookings();
for (let settled = false; !settled; ) {
  await new Promise((r) => setTimeout(r, 1000));
  const again = await stack.doubleBookings();
  settled = again.booked === check.booked;
  check = again;
}
line("booking-contention", booking, ceiling, {
  sent: booking.requests.sent,
  answered: booking.requests.total,
  booked: check.booked,
  server_errors_5xx: booking["5xx"],
  refused_4xx: booking["4xx"],
  rate_limited_429: rateLimited(booking),
  double_bookings: check.doubles,
});
// 1,000 distinct pairs booking at once over 64 clients: nothing contended, each should be booked.
// A minute after the contended run: a user may ask for 30 meetings a minute (the api's limit), and the
// contended run's users (the same firms' owners) may have spent theirs.
await new Promise((r) => setTimeout(r, RATE_WINDOW_MS));
const quiet = await stack.uncontendedBookings(1000);
const before = check.booked;
const started = performance.now();
const uncontended = await stack.run({ url: stack.base, connections: 64, amount: quiet.count, requests: [quiet.request] as never });
const seconds = (performance.now() - started) / 1000;
const after = await stack.doubleBookings();
line("booking-uncontended", uncontended, ceiling, {
  clients: 64,
  sent: uncontended.requests.sent,
  booked: after.booked - before,
  bookings_per_s: Math.round((after.booked - before) / seconds),
  server_errors_5xx: uncontended["5xx"],
  refused_4xx: uncontended["4xx"],
  rate_limited_429: rateLimited(uncontended),
  double_bookings: after.doubles,
});
await stack.stop();
process.exit(check.doubles > 0 || after.doubles > 0 || booking["5xx"] > 0 || uncontended["5xx"] > 0 ? 1 : 0);
