import type { Instance } from "./format";
import { slotDays } from "./slotDays";

/** The instance as dense arrays, so the solver's inner loops index instead of hashing. */
export interface Model {
  S: number;
  P: number;
  M: number;
  I: number;
  day: Int32Array; // day index of each slot
  pAvail: Uint8Array; // P x S
  pOnsite: Uint8Array;
  pMax: Int32Array;
  mA: Int32Array;
  mB: Int32Array;
  mValue: Float64Array;
  mOnsite: Uint8Array; // onsite allowed (mode and both participants)
  mOnline: Uint8Array;
  mSlots: (Uint8Array | null)[]; // allowed slots when restricted
  mInterpreters: Int32Array[]; // interpreters who speak the pair (empty array with needsInterpreter = 0)
  mNeedsInterpreter: Uint8Array;
  iAvail: Uint8Array; // I x S
  /** I x S: the interpreter already works then (booked before the plan): not free, but part of its runs. */
  iFixed: Uint8Array;
  /** The most meetings an interpreter takes back to back; 0 when there is no limit. */
  maxRun: number;
  /** contig[s] = 1 when slot s + 1 follows slot s without a gap on the same day (a run goes on). */
  contig: Uint8Array;
  tables: number;
  rooms: number;
}

export function buildModel(inst: Instance): Model {
  const S = inst.slots.length;
  const slotIx = new Map(inst.slots.map((s, i) => [s.id, i]));
  const pIx = new Map(inst.participants.map((p, i) => [p.id, i]));
  const P = inst.participants.length;
  const M = inst.meetings.length;
  const I = inst.interpreters.length;
  const days = new Map<string, number>();
  const day = new Int32Array(S);
  slotDays(inst).forEach((d, i) => {
    if (!days.has(d)) days.set(d, days.size);
    day[i] = days.get(d)!;
  });
  const pAvail = new Uint8Array(P * S);
  const pOnsite = new Uint8Array(P);
  const pMax = new Int32Array(P);
  inst.participants.forEach((p, i) => {
    for (const s of p.available) {
      const k = slotIx.get(s);
      if (k !== undefined) pAvail[i * S + k] = 1;
    }
    pOnsite[i] = p.onsite ? 1 : 0;
    pMax[i] = p.maxMeetings ?? S;
  });
  const iAvail = new Uint8Array(I * S);
  const iFixed = new Uint8Array(I * S);
  inst.interpreters.forEach((it, i) => {
    for (const s of it.available) {
      const k = slotIx.get(s);
      if (k !== undefined) iAvail[i * S + k] = 1;
    }
    for (const s of it.busy ?? []) {
      const k = slotIx.get(s);
      if (k !== undefined) {
        iFixed[i * S + k] = 1;
        iAvail[i * S + k] = 0;
      }
    }
  });
  const contig = new Uint8Array(S);
  for (let s = 0; s + 1 < S; s++)
    contig[s] = day[s] === day[s + 1] && Date.parse(inst.slots[s + 1]!.start) === Date.parse(inst.slots[s]!.end) ? 1 : 0;
  // A limit no day can reach is no limit (the checks then cost nothing).
  const maxRun = inst.interpreterMaxRun !== undefined && inst.interpreterMaxRun < S && I > 0 ? inst.interpreterMaxRun : 0;
  const m = {
    mA: new Int32Array(M),
    mB: new Int32Array(M),
    mValue: new Float64Array(M),
    mOnsite: new Uint8Array(M),
    mOnline: new Uint8Array(M),
    mSlots: [] as (Uint8Array | null)[],
    mInterpreters: [] as Int32Array[],
    mNeedsInterpreter: new Uint8Array(M),
  };
  inst.meetings.forEach((mt, k) => {
    const a = pIx.get(mt.a);
    const b = pIx.get(mt.b);
    if (a === undefined || b === undefined) throw new Error(`meeting ${mt.id} names an unknown participant`);
    m.mA[k] = a;
    m.mB[k] = b;
    m.mValue[k] = mt.value;
    m.mOnsite[k] = mt.mode !== "online" && pOnsite[a] && pOnsite[b] ? 1 : 0;
    m.mOnline[k] = mt.mode !== "onsite" ? 1 : 0;
    if (mt.slots) {
      const allowed = new Uint8Array(S);
      for (const s of mt.slots) {
        const ix = slotIx.get(s);
        if (ix !== undefined) allowed[ix] = 1;
      }
      m.mSlots.push(allowed);
    } else m.mSlots.push(null);
    const langs = mt.languages ?? null;
    m.mNeedsInterpreter[k] = langs ? 1 : 0;
    // Specialists first: an interpreter of fewer languages is less wanted elsewhere.
    m.mInterpreters.push(
      Int32Array.from(
        langs
          ? inst.interpreters
              .flatMap((it, i) => (langs.every((l) => it.languages.includes(l)) ? [i] : []))
              .sort((x, y) => inst.interpreters[x]!.languages.length - inst.interpreters[y]!.languages.length || x - y)
          : [],
      ),
    );
  });
  return { S, P, M, I, day, pAvail, pOnsite, pMax, iAvail, iFixed, maxRun, contig, tables: inst.onsiteTables, rooms: inst.onlineRooms, ...m };
}
