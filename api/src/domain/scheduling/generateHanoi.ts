import { DateTime } from "luxon";
import { createRandom, type Random } from "../random";
import type { Instance } from "./format";

/**
 * A Hanoi-scale scheduling instance, generated deterministically from a seed: the CNHT fair's two
 * days of 30-minute slots (08:00-12:00 and 13:00-17:00, Asia/Ho_Chi_Minh), domestic firms meeting
 * foreign vendors (some of them remote, in their own working hours), skewed popularity, scarce
 * interpreters, tables and video rooms, morning-only and already-fixed requests, per-firm meeting
 * caps and absences for the fair's sessions. The defaults are the Hanoi scale; `hanoiScale`
 * gives the larger one.
 */
export interface HanoiOptions {
  seed?: number;
  domestic?: number;
  foreign?: number;
  requests?: number;
  tables?: number;
  rooms?: number;
  /** Multiplies the interpreter pool; by default domestic / 1000. */
  interpreterScale?: number;
}

export const HANOI_SCALES = {
  hanoi: { domestic: 1000, foreign: 300, requests: 5000, tables: 120, rooms: 75 },
  "hanoi-30k": { domestic: 5000, foreign: 1500, requests: 30000, tables: 600, rooms: 375 },
} as const satisfies Record<string, HanoiOptions>;

const ZONE = "Asia/Ho_Chi_Minh";
const DAYS = ["2026-12-10", "2026-12-11"];
const HALF_DAYS = [
  ["08:00", 8],
  ["13:00", 8],
] as const;

/** Where the vendors come from: their share, time zone, meeting language and priority for the plan. */
const ORIGINS = [
  { country: "JP", zone: "Asia/Tokyo", language: "ja", share: 0.35, priority: 1.2 },
  { country: "KR", zone: "Asia/Seoul", language: "ko", share: 0.25, priority: 1.2 },
  { country: "TW", zone: "Asia/Taipei", language: "zh-Hant", share: 0.15, priority: 1.1 },
  { country: "DE", zone: "Europe/Berlin", language: "en", share: 0.1, priority: 1.1 },
  { country: "FR", zone: "Europe/Paris", language: "en", share: 0.05, priority: 1.1 },
  { country: "IT", zone: "Europe/Rome", language: "en", share: 0.05, priority: 1.1 },
  { country: "CZ", zone: "Europe/Prague", language: "en", share: 0.05, priority: 1.1 },
] as const;

/** Fair sessions (seminars, presentations) that take firms away from their tables: day, start, slots. */
const SESSIONS = [
  [0, "08:00", 2], // opening ceremony
  [0, "09:30", 3],
  [0, "13:30", 2],
  [0, "15:00", 2],
  [1, "08:30", 3],
  [1, "10:30", 2],
  [1, "14:00", 3],
] as const;

/** The interpreter pool per 1,000 domestic firms: languages and head count. */
const INTERPRETER_POOL: [string[], number][] = [
  [["vi", "ja"], 10],
  [["vi", "ja", "en"], 3],
  [["vi", "ko"], 8],
  [["vi", "ko", "en"], 2],
  [["vi", "zh-Hant"], 4],
  [["vi", "zh-Hant", "en"], 1],
  [["vi", "en"], 6],
];

/** A standard normal draw (Box-Muller); also the world generator's (generateWorld.ts). */
export function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Draws an index with probability proportional to its weight (cumulative weights, binary search). */
export function weightedPicker(random: Random, weights: number[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return () => {
    const x = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * A meeting already fixed by hand: one slot both sides share (an index into the fair's slots), not
 * clashing with another fixed meeting of either side (`fixedBusy` holds party × slot keys, updated).
 */
export function fixedSlot(random: Random, common: number[], parties: number[], slotCount: number, fixedBusy: Set<number>): number | undefined {
  if (!common.length) return undefined;
  const s = random.pick(common);
  const keys = parties.map((p) => p * slotCount + s);
  if (keys.some((key) => fixedBusy.has(key))) return undefined;
  for (const key of keys) fixedBusy.add(key);
  return s;
}

export function generateHanoi(options: HanoiOptions = {}): Instance {
  const { seed = 2026, domestic = 1000, foreign = 300, requests = 5000, tables = 120, rooms = 75 } = options;
  const interpreterScale = options.interpreterScale ?? domestic / 1000;
  const random = createRandom(seed);

  // Slots, with their start and end as Hanoi times.
  const slots: { id: string; start: DateTime; end: DateTime; day: number; morning: boolean }[] = [];
  DAYS.forEach((date, d) => {
    for (const [from, count] of HALF_DAYS) {
      const first = DateTime.fromISO(`${date}T${from}`, { zone: ZONE });
      for (let i = 0; i < count; i++) {
        const start = first.plus({ minutes: 30 * i });
        slots.push({
          id: `d${d + 1}s${String(slots.filter((s) => s.day === d).length + 1).padStart(2, "0")}`,
          start,
          end: start.plus({ minutes: 30 }),
          day: d,
          morning: start.hour < 12,
        });
      }
    }
  });
  const all = slots.map((_, i) => i);
  const sessionSlots = SESSIONS.map(([day, from, length]) => {
    const start = DateTime.fromISO(`${DAYS[day]}T${from}`, { zone: ZONE });
    const end = start.plus({ minutes: 30 * length });
    return all.filter((i) => slots[i]!.start < end && slots[i]!.end > start);
  });
  /** A firm's slots: both days or one, minus the sessions it attends. */
  const presence = (sessions: number, oneDay: number): Set<number> => {
    const days = random.chance(oneDay) ? [random.int(0, 1)] : [0, 1];
    const away = new Set(random.sample(sessionSlots, sessions).flat());
    return new Set(all.filter((i) => days.includes(slots[i]!.day) && !away.has(i)));
  };

  // Domestic firms: onsite; they speak Vietnamese, many English, a few Japanese or Korean.
  const participants: Instance["participants"] = [];
  const avail: Set<number>[] = [];
  const speaks: Set<string>[] = [];
  for (let i = 0; i < domestic; i++) {
    const slotsOf = presence(random.pick([0, 0, 1, 1, 2]), 0.2);
    const max = random.pick([3, 4, 5, 6, 8, 10, 12, undefined, undefined]);
    participants.push({
      id: `D${i + 1}`,
      available: [...slotsOf].map((s) => slots[s]!.id),
      onsite: true,
      ...(max !== undefined ? { maxMeetings: max } : {}),
    });
    avail.push(slotsOf);
    speaks.push(
      new Set(["vi", ...(random.chance(0.65) ? ["en"] : []), ...(random.chance(0.12) ? ["ja"] : []), ...(random.chance(0.08) ? ["ko"] : [])]),
    );
  }

  // Foreign vendors: 40% join online from home, within 08:00-18:00 of their own time zone.
  const pickOrigin = weightedPicker(
    random,
    ORIGINS.map((o) => o.share),
  );
  const origin: (typeof ORIGINS)[number][] = [];
  const remote: boolean[] = [];
  for (let j = 0; j < foreign; j++) {
    const o = ORIGINS[pickOrigin()]!;
    const isRemote = random.chance(0.4);
    let slotsOf: Set<number>;
    if (isRemote) {
      const local = presence(0, 0.15);
      slotsOf = new Set(
        [...local].filter((i) => {
          const start = slots[i]!.start.setZone(o.zone);
          const end = slots[i]!.end.setZone(o.zone);
          return start.hour >= 8 && (end.hour < 18 || (end.hour === 18 && end.minute === 0)) && start.day === end.day;
        }),
      );
    } else slotsOf = presence(random.pick([0, 0, 0, 1]), 0.1);
    const max = random.pick([16, 20, 24, undefined, undefined]);
    participants.push({
      id: `F${j + 1}`,
      available: [...slotsOf].map((s) => slots[s]!.id),
      onsite: !isRemote,
      ...(max !== undefined ? { maxMeetings: max } : {}),
    });
    avail.push(slotsOf);
    speaks.push(new Set([o.language, ...(o.language !== "en" && random.chance(0.75) ? ["en"] : [])]));
    origin.push(o);
    remote.push(isRemote);
  }

  // Requests: vendors' popularity is heavily skewed (log-normal), domestic firms' mildly.
  const pickVendor = weightedPicker(
    random,
    Array.from({ length: foreign }, () => Math.exp(0.9 * gaussian(random))),
  );
  const pickFirm = weightedPicker(
    random,
    Array.from({ length: domestic }, () => Math.exp(0.6 * gaussian(random))),
  );
  const pairs = new Set<number>();
  const fixedBusy = new Set<number>();
  const meetings: Instance["meetings"] = [];
  const target = Math.min(requests, domestic * foreign);
  while (meetings.length < target) {
    const d = pickFirm();
    const j = pickVendor();
    const f = domestic + j;
    if (pairs.has(d * foreign + j)) continue;
    pairs.add(d * foreign + j);
    const o = origin[j]!;
    const mutual = random.chance(0.2);
    const value = Math.round((0.35 + 0.65 * random.next()) * (mutual ? 1.5 : 1) * o.priority * 1000) / 1000;
    const shared = [...speaks[d]!].some((l) => speaks[f]!.has(l));
    const mode = remote[j] ? "online" : random.pick(["either", "either", "either", "either", "onsite", "onsite", "onsite", "online"] as const);
    const meeting: Instance["meetings"][number] = {
      id: `M${meetings.length + 1}`,
      a: `D${d + 1}`,
      b: `F${j + 1}`,
      value,
      mode,
      languages: shared ? null : ["vi", o.language],
    };
    const common = [...avail[d]!].filter((s) => avail[f]!.has(s));
    const roll = random.next();
    if (roll < 0.06) {
      const mornings = all.filter((s) => slots[s]!.morning);
      meeting.slots = mornings.map((s) => slots[s]!.id);
    } else if (roll < 0.075) {
      const s = fixedSlot(random, common, [d, f], slots.length, fixedBusy);
      if (s !== undefined) meeting.slots = [slots[s]!.id];
    }
    meetings.push(meeting);
  }

  // Interpreters: most work both days, some one.
  const interpreters: Instance["interpreters"] = [];
  for (const [languages, perThousand] of INTERPRETER_POOL) {
    const count = Math.max(1, Math.round(perThousand * interpreterScale));
    for (let n = 0; n < count; n++) {
      const days = random.chance(0.3) ? [random.int(0, 1)] : [0, 1];
      interpreters.push({
        id: `I${interpreters.length + 1}`,
        languages,
        available: all.filter((s) => days.includes(slots[s]!.day)).map((s) => slots[s]!.id),
      });
    }
  }

  return {
    version: 1,
    timeZone: ZONE,
    slots: slots.map((s) => ({
      id: s.id,
      start: s.start.toUTC().toISO({ suppressMilliseconds: true })!,
      end: s.end.toUTC().toISO({ suppressMilliseconds: true })!,
    })),
    onsiteTables: tables,
    onlineRooms: rooms,
    interpreters,
    participants,
    meetings,
  };
}

/** The instance of a named scale ("hanoi", "hanoi-30k"). */
export function generateHanoiScale(scale: keyof typeof HANOI_SCALES, seed = 2026): Instance {
  return generateHanoi({ ...HANOI_SCALES[scale], seed });
}
