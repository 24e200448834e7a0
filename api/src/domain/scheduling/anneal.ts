import { NONE, type ScheduleState } from "./state";
import type { Random } from "../random";
import type { ValueSearch } from "./valueSearch";
import { closeGap, kempeSwap, moveToBest, swapPair } from "./breakSearch";
import { VALUE_TOLERANCE } from "./planOrder";

export interface AnnealOptions {
  random: Random;
  slots: Int32Array[];
  search: ValueSearch;
  /** Meetings still out (best first): retried now and then, value first. */
  open: number[];
  deadline: number;
  now: () => number;
  /** Called every few hundred steps and after a straggler is fitted in (to keep the best plan). */
  onStep: () => void;
}

/** Meetings held from which a plan counts as large (B2BSOP's have at most about 300). */
const LARGE_PLAN = 1000;
/**
 * Meetings held from which a plan counts as huge: a share of its moves go straight at a break
 * (closeGap), since on the largest fairs (about 59,000 held of 90,000 requests, a third of the
 * participants with breaks late in the search) most random moves land where there is none; and
 * the solver gives the bound a smaller share of the time (solver.ts). Hanoi-30k holds about 17,000.
 */
export const HUGE_PLAN = 20000;
/** The share of a huge plan's moves aimed at a break (world fair, 60 s: 8,259 breaks without, 7,433 with 0.3, 8,082 with 0.6). */
const GAP_SHARE = 0.3;

/**
 * The temperatures, in the units of the break search's costs (state.ts: a break 8, an idle slot 1).
 * The coolest search starts at 3, where a move that adds an idle slot is taken 72% of the time
 * (e^(-1/3)) and one that adds a break 7% (e^(-8/3)), and ends at 0.05, where only moves that cost
 * nothing pass (e^(-20) for an idle slot). A search with more time per meeting starts up to 2x and
 * ends up to 6x hotter, a large plan 3x and 6x (the Hanoi fair in 5 s: 9 down to 0.3); see below.
 * A huge plan (HUGE_PLAN) starts 5/3 hotter again, at 15: the world fair in 60 s (one search, CPU
 * clock), breaks 7,353 from 6, 6,978 from 9, 6,619 from 15, 6,623 from 25, 6,730 from 40.
 */
const TEMPERATURE = { start: 3, end: 0.05, hotStart: 2, hotEnd: 6, largeStart: 3, largeEnd: 6, hugeStart: 5 / 3 };
/**
 * The time per meeting held at which the search is coolest (the Hanoi fair in 5 s: 0.7 ms), and
 * how many times more makes it hottest (B2BSOP's instances in 1 s: 3 to 6 ms per meeting). As
 * many times less makes it hottest too: with so little time the search is still fitting
 * stragglers in when it ends (Hanoi in 1 s: 0.1 to 0.2 ms per meeting; in 3 s the value stops
 * growing within 0.2 s of annealing, in 1 s it is still growing at the end), and a hot search
 * makes room for them faster, so it also keeps retrying them at the first rate (below). Hanoi
 * 1 s, 10 seeds each, side by side: 99.71% of the bound on average, 99.65% coolest.
 */
const COOLEST_MS_PER_MEETING = 0.7;
const HOTTEST_TIME_RATIO = 6;

/**
 * Simulated annealing on breaks, cooled by the clock: Kempe-chain swaps of two slots, moving one
 * meeting and swapping two meetings of one participant, a share of them started from the meetings
 * of participants that have breaks, half of the swaps to a nearby slot. Value never drops; meetings still unscheduled are retried.
 */
export function annealBreaks(st: ScheduleState, o: AnnealOptions): { iterations: number } {
  const { m } = st;
  const { random, slots, search, open, deadline, now } = o;
  const byParticipant: number[][] = Array.from({ length: m.P }, () => []);
  for (let k = 0; k < m.M; k++) {
    byParticipant[m.mA[k]!]!.push(k);
    byParticipant[m.mB[k]!]!.push(k);
  }
  let iterations = 0;
  const searchStart = now();
  // Temperatures: a search with little time per meeting does best cooled fast from a low start (the
  // Hanoi fair in 5 s: about 0.7 ms per meeting held), one with much from higher (B2BSOP's instances
  // in 1 s: 3 to 6 ms per meeting).
  let heldCount = 0;
  for (let k = 0; k < m.M; k++) if (st.slotOf[k] !== NONE) heldCount++;
  const msPerMeeting = (deadline - searchStart) / Math.max(1, heldCount);
  const short = Math.min(1, Math.max(0, Math.log(COOLEST_MS_PER_MEETING / msPerMeeting) / Math.log(HOTTEST_TIME_RATIO)));
  const hot = Math.max(short, Math.min(1, Math.max(0, Math.log(msPerMeeting / COOLEST_MS_PER_MEETING) / Math.log(HOTTEST_TIME_RATIO))));
  // A large plan (the Hanoi fair: about 2,900 meetings held) is searched hotter, and with more
  // Kempe and pair swaps than moves to the best slot, which there mostly find the slot they are in
  // (5 s: about 300 breaks -> 280 hotter -> 235 with that mix).
  const large = heldCount >= LARGE_PLAN ? 1 : 0;
  const [kempeShare, moveShare] = large ? [0.5, 0.05] : [0.4, 0.3];
  // Retrying those left out costs far more than a move; in a large plan one try per 256 steps
  // gains as much value as one per 64 and leaves the moves the time, and one per 1,024 in the second
  // half, where breaks are closed (Hanoi 5 s: breaks 230 -> 211 -> 220 with a worst of 234, not 250);
  // a short search (see COOLEST_MS_PER_MEETING) starts that later, or not at all.
  const [stragglerEvery, lateStragglerEvery] = large ? [255, 1023] : [63, 63];
  let retryEvery = stragglerEvery;
  // ...and each try looks at the 2 slots where the least value is in the way, not 4, but lets what
  // it evicts evict in turn two levels down, not one: narrower and deeper tries pay there (Hanoi
  // 5 s, 20 seeds: value/bound under 99.8% on 6 seeds with 4 slots 1 level, 2 with 2 slots 2 levels).
  const [retrySlots, retryDepth] = large ? [2, 2] : [4, 1];
  const huge = heldCount >= HUGE_PLAN ? 1 : 0;
  const T0 = TEMPERATURE.start * TEMPERATURE.hotStart ** hot * TEMPERATURE.largeStart ** large * TEMPERATURE.hugeStart ** huge;
  const T1 = TEMPERATURE.end * TEMPERATURE.hotEnd ** hot * TEMPERATURE.largeEnd ** large;
  const gapShare = huge && st.useMasks ? GAP_SHARE : 0;
  let temperature = T0;
  const accept = (delta: number) => delta <= 0 || random.next() < Math.exp(-delta / temperature);
  // Participants with breaks and the meetings held (rebuilt now and then): where moves start.
  let withBreaks: number[] = [];
  let held: number[] = [];
  const findBreaks = () => {
    withBreaks = [];
    for (let p = 0; p < m.P; p++) if (st.breaksOf(p) > 0) withBreaks.push(p);
    held = [];
    for (let k = 0; k < m.M; k++) if (st.slotOf[k] !== NONE) held.push(k);
  };
  // The share of moves that start from a meeting of a participant with breaks.
  const FOCUS = 0.3;
  // The share of Kempe swaps to a slot at most 3 away (breaks close by short moves).
  const NEAR = 0.5;
  findBreaks();
  let clock = now();
  while (clock < deadline && m.M > 0) {
    iterations++;
    // The clock is read every few dozen steps: a CPU clock costs as much as a move.
    if ((iterations & 63) === 0) clock = now();
    if ((iterations & 4095) === 0) findBreaks();
    if ((iterations & 255) === 0) {
      // Cooling follows the clock, so a longer time limit means a slower, deeper search.
      const progress = Math.min(1, (clock - searchStart) / Math.max(1, deadline - searchStart));
      temperature = T0 * (T1 / T0) ** progress;
      retryEvery = progress < 0.5 + 0.5 * short ? stragglerEvery : lateStragglerEvery;
      o.onStep();
    }
    if ((iterations & retryEvery) === 0 && open.length) {
      // Stragglers: fit one in if the moves have made room (value first).
      const u = open[Math.floor(random.next() * open.length)]!;
      if (st.slotOf[u] === NONE && (search.tryPlace(u) || search.insert(u, VALUE_TOLERANCE, retrySlots, retryDepth) > 0)) o.onStep();
      continue;
    }
    if (gapShare && withBreaks.length && random.next() < gapShare) {
      closeGap(st, withBreaks[Math.floor(random.next() * withBreaks.length)]!, random.next, accept);
      continue;
    }
    const roll = random.next();
    let k: number;
    if (withBreaks.length && random.next() < FOCUS) {
      // A meeting of a participant with breaks.
      const p = withBreaks[Math.floor(random.next() * withBreaks.length)]!;
      const mine = byParticipant[p]!;
      k = mine[Math.floor(random.next() * mine.length)]!;
    } else k = held.length ? held[Math.floor(random.next() * held.length)]! : 0;
    if (st.slotOf[k] === NONE) continue;
    if (roll < kempeShare) {
      let s2: number;
      if (random.next() < NEAR) {
        const d = 1 + Math.floor(random.next() * 3);
        s2 = st.slotOf[k]! + (random.next() < 0.5 ? -d : d);
        if (s2 < 0 || s2 >= m.S) continue;
      } else s2 = Math.floor(random.next() * m.S);
      kempeSwap(st, k, s2, accept);
    } else if (roll < kempeShare + moveShare) {
      moveToBest(st, k, accept, slots[k]);
    } else {
      const p = random.next() < 0.5 ? m.mA[k]! : m.mB[k]!;
      const mine = byParticipant[p]!;
      swapPair(st, k, mine[Math.floor(random.next() * mine.length)]!, accept);
    }
  }
  return { iterations };
}
