import type { Instance, Solution } from "./format";
import { buildModel } from "./model";
import { NONE, ScheduleState } from "./state";
import { createRandom } from "../random";
import { lagrangianBound } from "./upperBound";
import { staticSlots, ValueSearch } from "./valueSearch";
import { bestSlot, kempeSwap } from "./breakSearch";
import { annealBreaks, HUGE_PLAN } from "./anneal";
import { firstFitState, toSolution } from "./firstFit";
import { guidedOrders, guidedPlan, heldFrequency } from "./guidedPlan";
import { satBreaks, satBreaksApplies } from "./satBreaks";
import { assignTables } from "./tables";
import type { SatFactory } from "./cnf";
import { isBetterPlan, VALUE_TOLERANCE as EPS } from "./planOrder";

export interface SolveOptions {
  /** Wall-clock budget; a plan comes back within it whatever the size. */
  timeLimitMs: number;
  seed?: number;
  /** Injected clock (tests and benchmarks); performance.now by default. */
  now?: () => number;
  /** A SAT solver for the exact break search on small plans (satBreaks.ts); without one, annealing only. */
  sat?: SatFactory;
}

export interface SolveResult extends Solution {
  breaks: number;
  stats: {
    greedyBreaks: number;
    greedyValue: number;
    /** Value when the value phase ended (then only breaks are improved, and stragglers fitted in). */
    valuePhaseValue: number;
    /** Value after the relaxation-guided construction (the better of it and the greedy). */
    guidedValue: number;
    boundMillis: number;
    boundIterations: number;
    iterations: number;
    millis: number;
    /** When the SAT break search ran: its proven lower bound on breaks for these meetings, modes and interpreters. */
    breaksLowerBound?: number;
    /** Where the time went (ms): greedy, bound, guided plans, value phase, break phase, and the rest (yardstick, tables). */
    phaseMillis: { greedy: number; bound: number; guided: number; value: number; breaks: number; finish: number };
    /** How many searches ran side by side, this one the best (services/solverRunner.ts); absent for one in process. */
    searches?: number;
  };
}

/**
 * The most of the time limit the bound may take: more when it runs first (many meetings left out)
 * than after the value phase (B2BSOP, where the value phase usually meets the plain bound and it is
 * not needed), less for a huge plan (anneal.ts, HUGE_PLAN), which needs the time for its breaks.
 * The bound's search over blocks of slots (upperBound.ts) usually ends well within it (Hanoi: 0.2
 * to 0.4 s, hanoi-30k 1 to 2 s, the world fair 3 s; then the slots' share below, if given), and the
 * time left goes to the plan.
 */
const BOUND_SHARE = { first: 0.4, after: 0.3, huge: 0.25 };
/**
 * From this time limit on, the bound's search over slots gets this share of it after the search
 * over blocks (upperBound.ts): its choices say where the guided plans put the meetings (hanoi-30k
 * in 20 s: the guided plans reach 15,802 after 1 s of it, 15,708 without). Shorter searches leave
 * the time to the plan (Hanoi in 5 s: 2,812 after 0.8 s of it, 2,813 without).
 */
const SLOT_GUIDE_FROM_MS = 10000;
const SLOT_GUIDE_SHARE = 0.05;
/**
 * With many meetings left out, the value phase ends at its first round that gains less than this
 * share of the value: from there the annealing's moves, which also retry those left out, gain
 * value faster than more rounds (Hanoi: two rounds, then the annealing gets the time).
 */
const ROUND_GAIN = 0.001;
/**
 * With a SAT solver and a small plan, the annealing's share of the time before the exact break
 * search takes over from its best plan (B2BSOP at 10 s: 3 s of annealing then SAT, 48 breaks in
 * all; annealing alone, 65 in 3 s and 53 in 10 s).
 */
const ANNEAL_SHARE_BEFORE_SAT = 0.3;
/**
 * The bound runs before the value phase when the greedy leaves out more than this share of the
 * meetings (Hanoi: about 40% out; B2BSOP: a few meetings, which the value phase usually fits, so
 * that the plain bound, every meeting, is met and the bound's search would be time lost).
 */
const BOUND_FIRST_LEFT_OUT = 0.15;
/**
 * The value phase's share of the time left after the bound: the rest goes to the annealing, which
 * also retries what is left out, so value still grows there; breaks grow fewer only there.
 */
const VALUE_PHASE_SHARE = 0.6;
/**
 * Up to this many meetings left out, the value phase goes on through rounds that gain little: a
 * few may need a long walk on the plateau. More left out are mostly meetings that cannot fit.
 */
const FEW_LEFT_OUT = 20;
/**
 * What the work after the search costs per meeting (the plan rebuilt from the best snapshot, its
 * tables named, the solution written): kept out of the search's time so that the plan is back
 * within the limit (90,000 meetings: about 0.3 s, so 0.45 s is kept; Hanoi's 5,000: 25 ms).
 */
const FINISH_MS_PER_MEETING = 0.005;

/**
 * The organiser's auto-scheduler. Maximises total value first, then, among plans of that value,
 * minimises breaks; returns within the time limit. Pure: no I/O. Every step keeps interpreters
 * within the instance's interpreterMaxRun (ScheduleState.runFits; the SAT step encodes it), and
 * the plan's onsite meetings get tables that keep an interpreter's back-to-back meetings close
 * (tables.ts).
 *   1. greedy: by value, most constrained first, each meeting into the slot that adds fewest breaks;
 *   2. the proven bound (upperBound.ts), aimed at the greedy value, and plans built from its
 *      relaxation's choices (guidedPlan.ts), the best of them going on;
 *   3. value phase: insertion moves (evict what is in the way, re-place the evicted elsewhere), kept
 *      when the value does not drop, until the value reaches the bound or a round gains little;
 *   4. simulated annealing on breaks, cooled by the clock, over Kempe-chain swaps of two slots,
 *      moving one meeting and swapping two meetings of one participant; value never drops and
 *      meetings still unscheduled are retried. The best plan (value, then breaks) is returned;
 *   5. with a SAT solver, on small plans given the time: the annealing stops early and the exact
 *      break search (satBreaks.ts) takes its best plan on, proving a lower bound on breaks.
 */
export function solve(inst: Instance, options: SolveOptions): SolveResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const limit = options.timeLimitMs;
  const deadline = started + Math.max(limit / 2, limit - FINISH_MS_PER_MEETING * inst.meetings.length);
  const m = buildModel(inst);
  const st = new ScheduleState(m);
  const random = createRandom(options.seed ?? 1);
  const slots = staticSlots(m);
  const search = new ValueSearch(st, random, slots);

  const phase = { greedy: 0, bound: 0, guided: 0, value: 0, breaks: 0, finish: 0 };
  let lap = started;
  const endPhase = (name: keyof typeof phase) => {
    const t = now();
    phase[name] += t - lap;
    lap = t;
  };

  // 1. Greedy.
  const order = Array.from({ length: m.M }, (_, k) => k).sort((x, y) => m.mValue[y]! - m.mValue[x]! || slots[x]!.length - slots[y]!.length || x - y);
  for (const k of order) {
    if (now() > deadline) break;
    const best = bestSlot(st, k, false, slots[k]);
    if (best) st.place(k, best.s, best.mode, best.interp);
    else search.tryPlace(k);
  }
  const greedyBreaks = st.totalBreaks();
  const greedyValue = st.value;
  endPhase("greedy");
  // The plain bound: every meeting that has a slot (and both sides accept meetings at all).
  let plain = 0;
  let left = 0;
  for (let k = 0; k < m.M; k++) {
    if (!slots[k]!.length || m.pMax[m.mA[k]!] === 0 || m.pMax[m.mB[k]!] === 0) continue;
    plain += m.mValue[k]!;
    if (st.slotOf[k] === NONE) left++;
  }
  // With only a few meetings left out (B2BSOP), the value phase usually fits them all, meeting the
  // plain bound: then the bound's search would be time lost, so it runs after that phase, if at all.
  const boundFirst = left > BOUND_FIRST_LEFT_OUT * m.M;

  // 2. The bound.
  const boundShare = st.scheduled >= HUGE_PLAN ? BOUND_SHARE.huge : boundFirst ? BOUND_SHARE.first : BOUND_SHARE.after;
  const computeBound = () =>
    lagrangianBound(m, {
      lowerBound: st.value,
      timeLimitMs: Math.max(0, Math.min(boundShare * limit, deadline - now())),
      maxIterations: 100000,
      now,
      slotTimeLimitMs: limit >= SLOT_GUIDE_FROM_MS ? SLOT_GUIDE_SHARE * limit : 0,
    });
  let bound = boundFirst ? computeBound() : null;
  endPhase("bound");
  const reached = () => st.value >= (bound ? bound.bound : plain) * (1 - 1e-12) - EPS;

  // Constructions guided by the relaxation: meetings the relaxation holds most often first (in a
  // few orders), each into the slots it chose for them; the best of these and the greedy goes on.
  if (bound && bound.iterations > 0 && !reached() && now() < deadline) {
    let guided: ScheduleState | null = null;
    for (const order of guidedOrders(m, bound.guide)) {
      if (guided && now() >= deadline) break;
      const plan = guidedPlan(m, bound.guide, order, slots, random);
      if (!guided || plan.value > guided.value) guided = plan;
    }
    if (guided && guided.value > st.value + EPS) {
      for (let k = 0; k < m.M; k++) if (st.slotOf[k] !== NONE) st.remove(k);
      for (let k = 0; k < m.M; k++) if (guided.slotOf[k] !== NONE) st.place(k, guided.slotOf[k]!, guided.modeOf[k] as 0 | 1, guided.interpOf[k]!);
    }
  }
  const guidedValue = st.value;
  endPhase("guided");

  // Best plan, by isBetterPlan: value first, then breaks. (Less value is never better: its breaks
  // are not counted.)
  let best = { ...st.snapshot(), breaks: st.totalBreaks() };
  // A snapshot copies every meeting's place (90,000 on the largest fairs), and the break phase
  // improves the plan at nearly every check: in a huge plan, a plan only a little better than the
  // kept one waits until as much time has passed since the last copy as 50 copies take, so copies
  // cost at most about 2% of the time. More value is kept at once; the plan at the end is always
  // compared. Smaller plans copy every better plan (cheap, and a hot search soon loses it).
  const throttle = st.scheduled >= HUGE_PLAN;
  let snapshotMillis = 0;
  let lastSnapshot = -Infinity;
  const keepIfBetter = (force = true) => {
    if (st.value < best.value - EPS) return;
    const breaks = st.totalBreaks();
    if (!isBetterPlan({ value: st.value, breaks }, best)) return;
    const t = now();
    if (throttle && !force && st.value <= best.value + EPS && t - lastSnapshot < 50 * snapshotMillis) return;
    best = { ...st.snapshot(), breaks };
    lastSnapshot = now();
    snapshotMillis = lastSnapshot - t;
  };

  // 3. Value phase. After the bound, the meetings retried (here and in the annealing) are those its
  // relaxation holds at least now and then, the most held first: it holds nearly every meeting it
  // holds at all nearly always (Hanoi, 1 s: of 2,927 held by the plan after the guided construction,
  // 2,863 at least 80% of the time; of 1,946 left out, 1,446 never, worth 1,004, and 74 at least 80%,
  // worth 59), and rounds over those alone are a quarter as long. Hanoi, 1 s, 8 seeds: 99.75% of the
  // bound on average, all retried 99.64%; 5 s, 99.88% both.
  let retried = order;
  if (bound && bound.iterations > 0) {
    const held = heldFrequency(m, bound.guide);
    const often = order.filter((k) => held[k]! > 0).sort((x, y) => held[y]! - held[x]! || m.mValue[y]! - m.mValue[x]!);
    if (often.length) retried = often;
  }
  const open = retried.filter((k) => st.slotOf[k] === NONE && slots[k]!.length > 0);
  const valueDeadline = now() + VALUE_PHASE_SHARE * Math.max(0, deadline - now());
  let gaining = true;
  // A few meetings left out may need a long walk on the plateau; many left out are mostly the ones
  // that cannot fit, and a round that gains little ends the phase.
  while (open.length && !reached() && now() < valueDeadline && (open.length <= FEW_LEFT_OUT || gaining)) {
    const bestBefore = best.value;
    for (let i = 0; i < open.length; i++) {
      if ((i & 31) === 0 && now() >= valueDeadline) break;
      const u = open[i]!;
      if (st.slotOf[u] === NONE) search.insert(u, EPS);
      // Reshuffle the plan a little, without losing anything, so that the next attempt meets another plan.
      const k = Math.floor(random.next() * m.M);
      if (st.slotOf[k] !== NONE) kempeSwap(st, k, Math.floor(random.next() * m.S), () => true);
    }
    // Keep the open list to the meetings still out, best first.
    let n = 0;
    for (const k of retried) if (st.slotOf[k] === NONE && slots[k]!.length > 0) open[n++] = k;
    open.length = n;
    keepIfBetter();
    gaining = best.value > bestBefore + EPS + ROUND_GAIN * best.value;
  }
  const valuePhaseValue = st.value;
  endPhase("value");
  if (!bound) bound = computeBound();
  endPhase("bound");

  // The yardstick, which needs no clock: a search cut short (a loaded machine, a tiny limit) never
  // hands back a plan worse than first-fit's. Built before the break phase, which then has the
  // time to the deadline.
  const yardstick = firstFitState(m);
  const yardstickScore = { value: yardstick.value, breaks: yardstick.totalBreaks() };

  // 4. Annealing on breaks, then (small plans, with a SAT solver) the exact break search.
  const exact = options.sat && satBreaksApplies(m, st.scheduled, limit) ? options.sat : null;
  const annealUntil = exact ? Math.max(now(), started + ANNEAL_SHARE_BEFORE_SAT * limit) : deadline;
  const { iterations } = annealBreaks(st, { random, slots, search, open, deadline: annealUntil, now, onStep: () => keepIfBetter(false) });
  keepIfBetter();
  let breaksLowerBound: number | undefined;
  if (exact && best.breaks > 0 && now() < deadline) {
    const found = satBreaks(m, best, best.breaks, { sat: exact, deadline, now, random });
    breaksLowerBound = found.lowerBound;
    if (found.breaks < best.breaks) {
      const polished = ScheduleState.fromSnapshot(m, { ...best, slotOf: found.slotOf });
      const score = { value: polished.value, breaks: polished.totalBreaks() };
      if (isBetterPlan(score, best) && polished.runsWithinLimit()) best = { ...polished.snapshot(), breaks: score.breaks };
    }
  } else if (exact && best.breaks === 0) breaksLowerBound = 0;
  endPhase("breaks");

  if (isBetterPlan(yardstickScore, best)) best = { ...yardstick.snapshot(), breaks: yardstickScore.breaks };

  const final = ScheduleState.fromSnapshot(m, best);
  // Tables last: they are alike for every rule, so naming them only shortens interpreters' walks.
  const solution = assignTables(inst, toSolution(inst, final, bound.bound));
  endPhase("finish");
  return {
    ...solution,
    breaks: final.totalBreaks(),
    stats: {
      greedyBreaks,
      greedyValue,
      guidedValue,
      valuePhaseValue,
      boundMillis: Math.round(bound.millis),
      boundIterations: bound.iterations,
      iterations,
      millis: Math.round(now() - started),
      ...(breaksLowerBound === undefined ? {} : { breaksLowerBound }),
      phaseMillis: Object.fromEntries(Object.entries(phase).map(([k, v]) => [k, Math.round(v)])) as SolveResult["stats"]["phaseMillis"],
    },
  };
}
