// bench:match: the matching engine on a labelled 1,300-party fair (1,000 Hanoi firms, 300 foreign
// vendors and buyers, planted complementary clusters, free text in five languages). One JSON line:
// precision@5 and NDCG@10 against the planted partners, coverage (share of foreign parties in at
// least one firm's top 10), concentration with and without spreading, and the time to index the
// fair and rank everyone's top 10 (first run in this process, then the median of five more), as
// wall-clock and as this process's CPU time, with the machine's load average: the machine is shared,
// and under load the wall clock measures the neighbours too.
import { loadavg } from "node:os";
import { measureRecommendationsApi } from "./recommendationsApi";
import { MatchingEngine, type EngineOptions } from "../domain/matching/engine";
import { generateEvalSet } from "./matchEval/evalSet";
import { exposure, ndcgAt, precisionAt, precisionCeilingAt, type Rankings } from "./matchEval/metrics";
import { fairWindows, hoursIn } from "../domain/matching/availability";
import { SPREAD } from "../domain/matching/spreading";

const K = 10;
const set = generateEvalSet({ domestic: 1000, foreign: 300, seed: Number(process.env.MATCH_BENCH_SEED ?? 2026) });
const foreign = set.participants.filter((p) => p.kind === "foreign").map((p) => p.id);
const domestic = new Set(set.participants.filter((p) => p.kind === "domestic").map((p) => p.id));

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function run(options: Partial<EngineOptions> = {}) {
  const cpuStarted = cpuMs();
  const started = performance.now();
  const engine = new MatchingEngine({ fair: set.fair, interpreters: set.interpreters, ...options });
  for (const p of set.participants) engine.upsertParticipant(p);
  const indexed = performance.now();
  const rankings: Rankings = new Map(set.participants.map((p) => [p.id, engine.recommend(p.id, K).map((r) => r.id)]));
  const done = performance.now();
  return { rankings, indexMs: indexed - started, rankMs: done - indexed, totalMs: done - started, cpuMs: cpuMs() - cpuStarted };
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const first = run();
const warm = Array.from({ length: 5 }, () => run());
const unspread = run({ spreadProposals: false });
const firmsLists = (r: Rankings) => new Map([...r].filter(([id]) => domestic.has(id)));
const spreadExposure = exposure(K, firmsLists(first.rankings), foreign);
const unspreadExposure = exposure(K, firmsLists(unspread.rankings), foreign);
// The list appearances an onsite party's slots can answer (remote parties have fewer slots).
const answerable = Math.floor((hoursIn(fairWindows(set.fair)) * 60) / set.fair.slotMinutes / SPREAD.requestRate);

// Through the api as well, when there is a database to serve it from (infra/bench.sh starts one).
const api = process.env.MONGODB_URI ? await measureRecommendationsApi(process.env.MONGODB_URI) : {};
console.log(
  JSON.stringify({
    bench: "match",
    participants: set.participants.length,
    domestic: domestic.size,
    foreign: foreign.length,
    labelled_viewers: set.relevant.size,
    precision_at_5: round(precisionAt(5, first.rankings, set.relevant)),
    precision_at_5_ceiling: round(precisionCeilingAt(5, first.rankings, set.relevant)),
    ndcg_at_10: round(ndcgAt(10, first.rankings, set.relevant)),
    coverage: round(spreadExposure.coverage),
    max_appearances: spreadExposure.maxAppearances,
    answerable_appearances: answerable,
    without_spreading: {
      precision_at_5: round(precisionAt(5, unspread.rankings, set.relevant)),
      ndcg_at_10: round(ndcgAt(10, unspread.rankings, set.relevant)),
      coverage: round(unspreadExposure.coverage),
      max_appearances: unspreadExposure.maxAppearances,
    },
    ms_index_first: Math.round(first.indexMs),
    ms_top10_all_first: Math.round(first.rankMs),
    ms_total_first: Math.round(first.totalMs),
    ms_index_median: Math.round(median(warm.map((w) => w.indexMs))),
    ms_top10_all_median: Math.round(median(warm.map((w) => w.rankMs))),
    ms_total_median: Math.round(median(warm.map((w) => w.totalMs))),
    cpu_ms_total_first: Math.round(first.cpuMs),
    cpu_ms_total_median: Math.round(median(warm.map((w) => w.cpuMs))),
    ...api,
    load_average_1m: round(loadavg()[0]!, 2),
  }),
);
