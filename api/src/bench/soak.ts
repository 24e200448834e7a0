// bench:soak: ten minutes (SOAK_SECONDS) of mixed traffic against the api as its own process:
// directory searches, recommendations, agendas and contended bookings at once. One JSON line with
// the api process's resident memory at the start, the peak and the end, requests answered, 5xx and
// double bookings (both must be zero), and its memory at the end of each minute (flat once the
// caches are full, or a leak).
import { startBenchStack, rssMiB } from "./apiStack";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const uri = process.env.MONGODB_URI;
if (!uri) throw new Error("MONGODB_URI is required (infra/bench.sh sets it)");
const stack = await startBenchStack(uri, 16);
await fetch(`${stack.base}/api/recommendations`, { headers: { cookie: stack.sessions[0]!.cookie } });
const rssStart = rssMiB(stack.apiPid);
let rssPeak = rssStart;
const rssEachMinute: number[] = [];
let samples = 0;
const sampler = setInterval(() => {
  const rss = rssMiB(stack.apiPid);
  rssPeak = Math.max(rssPeak, rss);
  if (++samples % 12 === 0) rssEachMinute.push(rss);
}, 5_000);
const result = await stack.run({
  url: stack.base,
  duration: SECONDS,
  requests: [
    { method: "GET", path: "/api/companies?q=co%20khi" },
    stack.asFirm("GET", "/api/recommendations?k=10"),
    stack.asFirm("GET", "/api/meetings"),
    stack.booking(),
  ] as never,
});
clearInterval(sampler);
const rssEnd = rssMiB(stack.apiPid);
const check = await stack.doubleBookings();
console.log(
  JSON.stringify({
    bench: "soak",
    seconds: SECONDS,
    requests: result.requests.total,
    requests_per_s: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    server_errors_5xx: result["5xx"],
    // Every answer by status: refused bookings (409) and a user's rate limit (429) among them.
    answers_by_status: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0])),
    errors: result.errors + result.timeouts,
    booked: check.booked,
    double_bookings: check.doubles,
    rss_mib_start: rssStart,
    rss_mib_peak: rssPeak,
    rss_mib_end: rssEnd,
    rss_mib_each_minute: rssEachMinute,
  }),
);
await stack.stop();
process.exit(check.doubles > 0 || result["5xx"] > 0 ? 1 : 0);
