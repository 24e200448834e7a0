import { DateTime } from "luxon";
import { createRandom } from "../random";
import type { Instance } from "./format";
import { fixedSlot, gaussian, weightedPicker } from "./generateHanoi";

/**
 * The largest fairs' size (issue #22), generated deterministically from a seed: 15,000
 * participants, 40% of them remote in Asian, European and American time zones, 90,000 requests,
 * three days of 20-minute slots, 1,200 tables, 400 video rooms and 60 interpreters.
 *
 * The fair is in Hanoi: onsite hours 08:00-12:00 and 13:00-17:00, and an online evening block
 * 19:00-21:40 that reaches the Americas' mornings and Europe's afternoons (32 slots a day). The
 * dates are a fixed week in the past: the instance is abstract (days 1 to 3), anchored only so
 * that time-zone arithmetic is the same on every run; no date ever becomes "past" under it.
 *
 * Sides: suppliers (Vietnamese manufacturers and foreign exhibitors, all onsite; some also take
 * evening calls) and buyers (onsite, or remote from their own working hours, 07:00-19:00 local). Buyers ask for suppliers
 * with skewed popularity; remote buyers ask less (a few online calls each), so about 40% of the
 * meetings are online, near what 400 rooms hold.
 */
export interface WorldOptions {
  seed?: number;
  domesticSuppliers?: number;
  foreignSuppliers?: number;
  onsiteBuyers?: number;
  remoteBuyers?: number;
  requests?: number;
  tables?: number;
  rooms?: number;
  interpreters?: number;
}

export const WORLD_SCALE = {
  domesticSuppliers: 5000,
  foreignSuppliers: 1000,
  onsiteBuyers: 3000,
  remoteBuyers: 6000,
  requests: 90000,
  tables: 1200,
  rooms: 400,
  interpreters: 60,
} as const satisfies WorldOptions;

const ZONE = "Asia/Ho_Chi_Minh";
const DAYS = ["2001-12-10", "2001-12-11", "2001-12-12"];
const SLOT_MINUTES = 20;
/** Blocks of a day: start (Hanoi time), slots, and whether onsite participants are there. */
const BLOCKS = [
  ["08:00", 12, true],
  ["13:00", 12, true],
  ["19:00", 8, false],
] as const;

/** Where foreign participants come from: share, zone, first language. */
const ORIGINS = [
  { zone: "Asia/Tokyo", language: "ja", share: 0.16 },
  { zone: "Asia/Seoul", language: "ko", share: 0.12 },
  { zone: "Asia/Taipei", language: "zh-Hant", share: 0.06 },
  { zone: "Asia/Shanghai", language: "zh-Hans", share: 0.08 },
  { zone: "Asia/Singapore", language: "en", share: 0.05 },
  { zone: "Asia/Kolkata", language: "en", share: 0.05 },
  { zone: "Europe/Berlin", language: "de", share: 0.1 },
  { zone: "Europe/Paris", language: "fr", share: 0.06 },
  { zone: "Europe/London", language: "en", share: 0.06 },
  { zone: "Europe/Rome", language: "it", share: 0.04 },
  { zone: "America/New_York", language: "en", share: 0.1 },
  { zone: "America/Chicago", language: "en", share: 0.04 },
  { zone: "America/Toronto", language: "en", share: 0.03 },
  { zone: "America/Sao_Paulo", language: "pt", share: 0.05 },
] as const;

/** The interpreter pool as shares of its head count: Vietnamese with each foreign language. */
const INTERPRETER_POOL: [string[], number][] = [
  [["vi", "ja"], 0.22],
  [["vi", "ja", "en"], 0.06],
  [["vi", "ko"], 0.16],
  [["vi", "ko", "en"], 0.04],
  [["vi", "zh-Hant", "zh-Hans"], 0.14],
  [["vi", "en"], 0.18],
  [["vi", "de", "en"], 0.08],
  [["vi", "fr", "en"], 0.06],
  [["vi", "pt", "en"], 0.06],
];

/** Fair sessions onsite participants may attend: day, start, slots. */
const SESSIONS = [
  [0, "08:00", 3],
  [0, "10:00", 3],
  [0, "14:00", 3],
  [1, "09:00", 3],
  [1, "14:00", 3],
  [2, "09:00", 3],
  [2, "15:00", 3],
] as const;

export function generateWorld(options: WorldOptions = {}): Instance {
  const o = { ...WORLD_SCALE, seed: 2026, ...options };
  const random = createRandom(o.seed);

  const slots: { id: string; start: DateTime; end: DateTime; day: number; onsite: boolean; morning: boolean }[] = [];
  DAYS.forEach((date, d) => {
    let n = 0;
    for (const [from, count, onsite] of BLOCKS) {
      const first = DateTime.fromISO(`${date}T${from}`, { zone: ZONE });
      for (let i = 0; i < count; i++) {
        const start = first.plus({ minutes: SLOT_MINUTES * i });
        slots.push({
          id: `d${d + 1}s${String(++n).padStart(2, "0")}`,
          start,
          end: start.plus({ minutes: SLOT_MINUTES }),
          day: d,
          onsite,
          morning: start.hour < 12,
        });
      }
    }
  });
  const all = slots.map((_, i) => i);
  const sessionSlots = SESSIONS.map(([day, from, length]) => {
    const start = DateTime.fromISO(`${DAYS[day]}T${from}`, { zone: ZONE });
    const end = start.plus({ minutes: SLOT_MINUTES * length });
    return all.filter((i) => slots[i]!.start < end && slots[i]!.end > start);
  });
  const pickDays = (oneDay: number, twoDays: number): number[] => {
    const roll = random.next();
    if (roll < oneDay) return [random.int(0, 2)];
    if (roll < oneDay + twoDays) return random.sample([0, 1, 2], 2);
    return [0, 1, 2];
  };
  /**
   * An onsite participant's slots: the days it comes, onsite hours, minus the sessions it attends;
   * with `evenings`, also the evening block of those days (video calls from the hotel).
   */
  const onsitePresence = (sessions: number, evenings = false) => {
    const days = pickDays(0.15, 0.25);
    const away = new Set(random.sample(sessionSlots, sessions).flat());
    return all.filter((i) => (slots[i]!.onsite || evenings) && days.includes(slots[i]!.day) && !away.has(i));
  };
  /** Per zone, the slots within 07:00-19:00 there (computed once per zone: luxon's zone changes are slow). */
  const workingHours = new Map<string, number[]>();
  const inWorkingHours = (zone: string) => {
    let list = workingHours.get(zone);
    if (!list) {
      list = all.filter((i) => {
        const start = slots[i]!.start.setZone(zone);
        const end = slots[i]!.end.setZone(zone);
        return start.hour >= 7 && start.day === end.day && (end.hour < 19 || (end.hour === 19 && end.minute === 0));
      });
      workingHours.set(zone, list);
    }
    return list;
  };
  /** A remote participant's slots: the days it joins, within 07:00-19:00 of its own zone. */
  const remotePresence = (zone: string) => {
    const days = pickDays(0.3, 0.3);
    return inWorkingHours(zone).filter((i) => days.includes(slots[i]!.day));
  };
  const pickOrigin = weightedPicker(
    random,
    ORIGINS.map((x) => x.share),
  );

  const participants: Instance["participants"] = [];
  const avail: Set<number>[] = [];
  const speaks: string[][] = [];
  const remote: boolean[] = [];
  const add = (id: string, slotsOf: number[], onsite: boolean, languages: string[], max: number | undefined) => {
    participants.push({ id, available: slotsOf.map((s) => slots[s]!.id), onsite, ...(max !== undefined ? { maxMeetings: max } : {}) });
    avail.push(new Set(slotsOf));
    speaks.push(languages);
    remote.push(!onsite);
  };
  const foreignLanguages = () => {
    const origin = ORIGINS[pickOrigin()]!;
    return { origin, languages: [origin.language, ...(origin.language !== "en" && random.chance(0.9) ? ["en"] : [])] };
  };
  for (let i = 0; i < o.domesticSuppliers; i++) {
    const languages = ["vi", ...(random.chance(0.9) ? ["en"] : []), ...(random.chance(0.1) ? ["ja"] : []), ...(random.chance(0.06) ? ["ko"] : [])];
    add(`S${i + 1}`, onsitePresence(random.pick([0, 0, 1, 2]), random.chance(0.4)), true, languages, random.pick([12, 16, 20, 24, 30, undefined]));
  }
  for (let i = 0; i < o.foreignSuppliers; i++) {
    add(
      `X${i + 1}`,
      onsitePresence(random.pick([0, 0, 1]), random.chance(0.25)),
      true,
      foreignLanguages().languages,
      random.pick([20, 24, 30, undefined]),
    );
  }
  const suppliers = o.domesticSuppliers + o.foreignSuppliers;
  for (let i = 0; i < o.onsiteBuyers; i++) {
    const domestic = random.chance(0.3);
    const languages = domestic ? ["vi", ...(random.chance(0.9) ? ["en"] : [])] : foreignLanguages().languages;
    add(`B${i + 1}`, onsitePresence(random.pick([0, 1, 1, 2])), true, languages, random.pick([16, 20, 24, undefined]));
  }
  for (let i = 0; i < o.remoteBuyers; i++) {
    const { origin, languages } = foreignLanguages();
    add(`R${i + 1}`, remotePresence(origin.zone), false, languages, random.pick([6, 8, 10, 12, undefined]));
  }

  // Requests: suppliers' popularity is heavily skewed (log-normal), buyers' activity mildly; a remote
  // buyer asks for about a third as many meetings as an onsite one.
  const buyers = o.onsiteBuyers + o.remoteBuyers;
  const pickSupplier = weightedPicker(
    random,
    Array.from({ length: suppliers }, () => Math.exp(0.9 * gaussian(random))),
  );
  const pickBuyer = weightedPicker(
    random,
    Array.from({ length: buyers }, (_, j) => (j < o.onsiteBuyers ? 1 : 0.35) * Math.exp(0.6 * gaussian(random))),
  );
  const pairs = new Set<number>();
  const fixedBusy = new Set<number>();
  const meetings: Instance["meetings"] = [];
  const mornings = all.filter((s) => slots[s]!.morning).map((s) => slots[s]!.id);
  const target = Math.min(o.requests, suppliers * buyers);
  while (meetings.length < target) {
    const a = pickSupplier();
    const b = suppliers + pickBuyer();
    if (pairs.has(a * buyers + b - suppliers)) continue;
    pairs.add(a * buyers + b - suppliers);
    const mutual = random.chance(0.2);
    const value = Math.round((0.35 + 0.65 * random.next()) * (mutual ? 1.5 : 1) * 1000) / 1000;
    const shared = speaks[a]!.some((l) => speaks[b]!.includes(l));
    const mode = remote[b] ? "online" : random.pick(["either", "either", "either", "either", "onsite", "onsite", "onsite", "online"] as const);
    const meeting: Instance["meetings"][number] = {
      id: `M${meetings.length + 1}`,
      a: participants[a]!.id,
      b: participants[b]!.id,
      value,
      mode,
      languages: shared ? null : [speaks[a]![0]!, speaks[b]![0]!],
    };
    const roll = random.next();
    if (roll < 0.05 && !remote[b]) meeting.slots = mornings;
    else if (roll < 0.065) {
      const s = fixedSlot(
        random,
        [...avail[a]!].filter((x) => avail[b]!.has(x)),
        [a, b],
        slots.length,
        fixedBusy,
      );
      if (s !== undefined) meeting.slots = [slots[s]!.id];
    }
    meetings.push(meeting);
  }

  // Interpreters: most work all three days in onsite hours; a quarter also take evening calls.
  const interpreters: Instance["interpreters"] = [];
  for (const [languages, share] of INTERPRETER_POOL) {
    const count = Math.max(1, Math.round(share * o.interpreters));
    for (let n = 0; n < count && interpreters.length < o.interpreters; n++) {
      const days = pickDays(0.1, 0.2);
      const evenings = random.chance(0.25);
      interpreters.push({
        id: `I${interpreters.length + 1}`,
        languages,
        available: all.filter((s) => days.includes(slots[s]!.day) && (slots[s]!.onsite || evenings)).map((s) => slots[s]!.id),
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
    onsiteTables: o.tables,
    onlineRooms: o.rooms,
    interpreters,
    participants,
    meetings,
  };
}
