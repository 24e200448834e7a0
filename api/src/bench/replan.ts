// bench:replan: re-planning after a change (replan.ts) against re-solving from scratch, at Hanoi scale
// (generateHanoi.ts: 1,000 firms, 300 vendors, 5,000 requests). The published plan is a fresh solve
// (solver.ts, one search on this process's CPU clock, 5 s); then, for each scenario, the changed fair
// is re-planned from it (replan, wall clock, 2 s) and solved again from scratch (the same 5 s). One
// JSON line per scenario: what each moves, cancels and places, whom it tells, its value and breaks,
// both checked by the independent checker, and the load average (1-minute) at the start and end, to
// read the seconds by on a shared machine. Scenarios: no change (the control), the vendor with the
// most meetings cancels its trip, a quarter of the tables close, half of them close (the plan holds at
// most about 90 onsite meetings in a slot, so a quarter closing only renames tables), the busiest
// mid-morning slot of day 1 is removed, the busiest interpreter falls ill. people_told: both firms and
// the interpreters (before and after) of each meeting moved, reassigned or cancelled (planChanges.ts).
// Limits: REPLAN_SOLVE_MS (the published plan and each re-solve), REPLAN_TIME_LIMIT_MS (each re-plan).
import { loadavg } from "node:os";
import { DateTime } from "luxon";
import type { Instance, Solution } from "../domain/scheduling/format";
import { solve } from "../domain/scheduling/solver";
import { checkSolution } from "../domain/scheduling/checker";
import { generateHanoiScale } from "../domain/scheduling/generateHanoi";
import { slotDays } from "../domain/scheduling/slotDays";
import { type CurrentPlace, placesOf, replan } from "../domain/scheduling/replan";
import { peopleTold, planChanges } from "../domain/scheduling/planChanges";

const solveMs = Number(process.env.REPLAN_SOLVE_MS ?? 5000);
const replanMs = Number(process.env.REPLAN_TIME_LIMIT_MS ?? 2000);
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const cpuMillis = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = () => round(loadavg()[0]!, 2);

/** The busiest of `ids` by how many meetings of the plan `count` gives each. */
function busiest(ids: string[], count: (id: string) => number): string {
  return ids.reduce((best, id) => (count(id) > count(best) ? id : best));
}

/** The changed fair of each scenario, from the fair and its published plan. */
const scenarios: Record<string, (inst: Instance, plan: Solution) => Instance> = {
  "no-change": (inst) => structuredClone(inst),
  "vendor-cancels": (inst, plan) => {
    const meetingsOf = new Map<string, number>();
    const sides = new Map(inst.meetings.map((mt) => [mt.id, mt]));
    for (const a of plan.assignments)
      for (const p of [sides.get(a.meeting)!.a, sides.get(a.meeting)!.b]) meetingsOf.set(p, (meetingsOf.get(p) ?? 0) + 1);
    const vendors = inst.participants.filter((p) => p.id.startsWith("F")).map((p) => p.id);
    const gone = busiest(vendors, (id) => meetingsOf.get(id) ?? 0);
    const changed = structuredClone(inst);
    changed.participants.find((p) => p.id === gone)!.available = [];
    return changed;
  },
  "table-zone-closes": (inst) => ({ ...structuredClone(inst), onsiteTables: inst.onsiteTables - Math.floor(inst.onsiteTables / 4) }),
  // Hanoi's plan holds at most about 90 onsite meetings in a slot, so a quarter of the tables closing
  // displaces none (only tables are renamed): half of them closing makes the slots shed meetings.
  "half-the-tables-close": (inst) => ({ ...structuredClone(inst), onsiteTables: Math.ceil(inst.onsiteTables / 2) }),
  "slot-removed": (inst, plan) => {
    const day = slotDays(inst);
    const zone = inst.timeZone ?? "Asia/Ho_Chi_Minh";
    const midMorning = inst.slots.filter((s, i) => {
      const start = DateTime.fromISO(s.start, { zone });
      const minutes = start.hour * 60 + start.minute;
      return day[i] === day[0] && minutes >= 9 * 60 + 30 && minutes <= 10 * 60 + 30;
    });
    const gone = busiest(
      midMorning.map((s) => s.id),
      (id) => plan.assignments.filter((a) => a.slot === id).length,
    );
    const changed = structuredClone(inst);
    changed.slots = changed.slots.filter((s) => s.id !== gone);
    const without = (ids: string[]) => ids.filter((id) => id !== gone);
    for (const p of changed.participants) p.available = without(p.available);
    for (const it of changed.interpreters) it.available = without(it.available);
    for (const mt of changed.meetings) if (mt.slots) mt.slots = without(mt.slots);
    return changed;
  },
  "interpreter-ill": (inst, plan) => {
    const gone = busiest(
      inst.interpreters.map((it) => it.id),
      (id) => plan.assignments.filter((a) => a.interpreter === id).length,
    );
    const changed = structuredClone(inst);
    changed.interpreters.find((it) => it.id === gone)!.available = [];
    return changed;
  },
};

const inst = generateHanoiScale("hanoi");
const published = solve(inst, { timeLimitMs: solveMs, now: cpuMillis });
const parties = new Map(inst.meetings.map((m) => [m.id, [m.a, m.b]]));
const partiesOf = (meeting: string) => parties.get(meeting) ?? [];
const current: CurrentPlace[] = placesOf(published);

for (const [scenario, change] of Object.entries(scenarios)) {
  const changed = change(inst, published);
  const loadStart = load();
  let started = performance.now();
  const result = replan(changed, current, { timeLimitMs: replanMs });
  const seconds = (performance.now() - started) / 1000;
  const check = checkSolution(changed, result.solution);
  const told = peopleTold(current, result, partiesOf);
  started = performance.now();
  const fresh = solve(changed, { timeLimitMs: solveMs, now: cpuMillis });
  const resolveSeconds = (performance.now() - started) / 1000;
  const resolveCheck = checkSolution(changed, fresh);
  const resolve = planChanges(current, fresh.assignments);
  const resolveTold = peopleTold(current, resolve, partiesOf);
  const peopleToldCount = told.firms.length + told.interpreters.length;
  const resolvePeopleTold = resolveTold.firms.length + resolveTold.interpreters.length;
  console.log(
    JSON.stringify({
      bench: "replan",
      scenario,
      published_value: round(published.value, 3),
      published_meetings: current.length,
      displaced: result.displaced?.length ?? 0,
      moved: result.moved.length,
      reassigned: result.reassigned.length,
      cancelled: result.cancelled.length,
      placed: result.placed.length,
      kept: result.kept,
      people_told: peopleToldCount,
      value: round(check.value, 3),
      breaks: check.breaks,
      seconds: round(seconds, 3),
      feasible: check.feasible,
      resolve_moved: resolve.moved.length,
      resolve_reassigned: resolve.reassigned.length,
      resolve_cancelled: resolve.cancelled.length,
      resolve_placed: resolve.placed.length,
      resolve_people_told: resolvePeopleTold,
      resolve_value: round(resolveCheck.value, 3),
      resolve_breaks: resolveCheck.breaks,
      resolve_seconds: round(resolveSeconds, 2),
      resolve_feasible: resolveCheck.feasible,
      value_vs_resolve: round(check.value / resolveCheck.value),
      moved_vs_resolve: round(result.moved.length / Math.max(1, resolve.moved.length)),
      people_told_vs_resolve: round(peopleToldCount / Math.max(1, resolvePeopleTold)),
      under_2s: seconds < 2,
      value_within_half_percent: check.value >= 0.995 * resolveCheck.value,
      load_avg_1m_start: loadStart,
      load_avg_1m_end: load(),
      time_limit_s: replanMs / 1000,
      resolve_time_limit_s: solveMs / 1000,
      clock: "replan wall, solve cpu",
    }),
  );
}
