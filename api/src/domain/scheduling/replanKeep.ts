import type { Instance } from "./format";
import type { Model } from "./model";
import { NONE } from "./state";
import { GONE, type Homes, type ReplanSearch } from "./replanSearch";
import type { CurrentPlace } from "./replan";

/** The current places in the model's indices (a meeting the instance no longer has is left out: cancelled), and their tables (0: none). */
export function readHomes(inst: Instance, m: Model, current: CurrentPlace[]): { homes: Homes; tables: Int32Array } {
  const meetingIx = new Map(inst.meetings.map((mt, k) => [mt.id, k]));
  const slotIx = new Map(inst.slots.map((s, i) => [s.id, i]));
  const interpIx = new Map(inst.interpreters.map((it, i) => [it.id, i]));
  const homes: Homes = {
    booked: new Uint8Array(m.M),
    slot: new Int32Array(m.M).fill(NONE),
    mode: new Int8Array(m.M),
    interp: new Int32Array(m.M).fill(NONE),
  };
  const tables = new Int32Array(m.M);
  for (const place of current) {
    const k = meetingIx.get(place.meeting);
    if (k === undefined) continue;
    if (homes.booked[k]) continue; // listed twice: the first place counts
    homes.booked[k] = 1;
    homes.slot[k] = slotIx.get(place.slot) ?? NONE;
    homes.mode[k] = place.mode === "onsite" ? 0 : 1;
    homes.interp[k] = place.interpreter ? (interpIx.get(place.interpreter) ?? GONE) : NONE;
    tables[k] = place.mode === "onsite" ? (place.table ?? 0) : 0;
  }
  return { homes, tables };
}

/**
 * Puts every booked meeting back where it stands when that place is still valid, and returns the
 * displaced ones (model indices). In slot order, so that an interpreter's run is checked against
 * the slots before it as it grows: first those with their own interpreter (or none needed), then
 * those whose interpreter is gone or taken, with another free one of their pair (only the
 * interpreters are told). A meeting that finds its mode full in its slot (fewer tables or rooms)
 * waits; then, slot by slot, the meetings of that mode compete for the tables or rooms: the ones
 * left out are those that can switch mode in their slot, then those that can go to another slot
 * at once (value kept), then those whose table is gone (the others keep theirs), then the cheapest.
 */
export function keepValidPlaces(search: ReplanSearch, tables: Int32Array): number[] {
  const { st, m, homes } = search;
  const bySlot = Array.from({ length: m.M }, (_, k) => k)
    .filter((k) => homes.booked[k] && homes.slot[k] !== NONE)
    .sort((x, y) => homes.slot[x]! - homes.slot[y]! || m.mValue[y]! - m.mValue[x]! || x - y);
  const modeAllowed = (k: number) => (homes.mode[k] === 0 ? m.mOnsite[k] : m.mOnline[k]) === 1;
  const later: number[] = [];
  const waiting: number[] = [];
  for (const k of bySlot) {
    if (!modeAllowed(k) || !st.participantsFit(k, homes.slot[k]!)) continue;
    const interp = ownInterpreter(search, k);
    if (interp === undefined) later.push(k);
    else if (!putHome(search, k, interp)) waiting.push(k);
  }
  for (const k of later) {
    const interp = anyInterpreter(search, k);
    if (interp !== undefined && st.participantsFit(k, homes.slot[k]!) && !putHome(search, k, interp)) waiting.push(k);
  }
  // Where each could go instead is read once, before the competition (an estimate after it).
  const elsewhere = new Map<number, number>();
  const placeElsewhere = (k: number) => elsewhere.get(k) ?? elsewhere.set(k, otherPlace(search, k)).get(k)!;
  const byRank = (a: number, b: number) => shedRank(search, tables, placeElsewhere, a, b);
  for (const k of waiting.sort(byRank).reverse()) {
    const s = homes.slot[k]!;
    const mode = homes.mode[k] as 0 | 1;
    const held: number[] = [];
    for (let j = 0; j < st.held(s); j++) if (st.modeOf[st.heldAt(s, j)] === mode) held.push(st.heldAt(s, j));
    const weakest = held.sort(byRank)[0];
    if (weakest === undefined || byRank(weakest, k) >= 0) continue;
    const old = st.placement(weakest);
    search.take(weakest);
    const interp = st.participantsFit(k, s) ? (ownInterpreter(search, k) ?? anyInterpreter(search, k)) : undefined;
    if (interp === undefined || !putHome(search, k, interp)) search.put(weakest, old.s, old.mode, old.interp);
  }
  search.commit();
  const displaced: number[] = [];
  for (let k = 0; k < m.M; k++) if (homes.booked[k] && st.slotOf[k] === NONE) displaced.push(k);
  return displaced;
}

/** k's own interpreter when free in its home slot (NONE when it needs none), undefined otherwise. */
function ownInterpreter(search: ReplanSearch, k: number): number | undefined {
  const { st, m, homes } = search;
  const own = homes.interp[k]!;
  if (!m.mNeedsInterpreter[k]) return own === NONE ? NONE : undefined;
  return own >= 0 && m.mInterpreters[k]!.includes(own) && st.interpreterFree(own, homes.slot[k]!, k) ? own : undefined;
}

/** The first free interpreter of k's pair in its home slot (NONE when it needs none). */
function anyInterpreter(search: ReplanSearch, k: number): number | undefined {
  const { st, m, homes } = search;
  return m.mNeedsInterpreter[k] ? m.mInterpreters[k]!.find((i) => st.interpreterFree(i, homes.slot[k]!, k)) : NONE;
}

/** Puts k in its home slot and mode with `interp` when a table or room of that mode is left. */
function putHome(search: ReplanSearch, k: number, interp: number): boolean {
  const { st, m, homes } = search;
  const s = homes.slot[k]!;
  const full = homes.mode[k] === 0 ? st.onsite[s]! >= m.tables : st.online[s]! >= m.rooms;
  if (full) return false;
  search.put(k, s, homes.mode[k] as 0 | 1, interp);
  return true;
}

/** Negative when a should rather be left out of its slot than b (see keepValidPlaces). */
function shedRank(search: ReplanSearch, tables: Int32Array, elsewhere: (k: number) => number, a: number, b: number): number {
  const { m } = search;
  const tableGone = (k: number) => (search.homes.mode[k] === 0 && tables[k]! > m.tables ? 1 : 0);
  return elsewhere(b) - elsewhere(a) || tableGone(b) - tableGone(a) || m.mValue[a]! - m.mValue[b]! || a - b;
}

/**
 * Where k could be held at once instead of its home place, nothing else changed: 2 in its slot in
 * the other mode (the firms' day keeps its shape), 1 in another slot, 0 nowhere (it may be cancelled).
 */
function otherPlace(search: ReplanSearch, k: number): number {
  const { st, m, homes } = search;
  const s = homes.slot[k]!;
  if (homes.mode[k] === 0 ? m.mOnline[k] && st.online[s]! < m.rooms : m.mOnsite[k] && st.onsite[s]! < m.tables) return 2;
  for (const t of search.slots[k]!) if (t !== s && st.participantsFit(k, t) && st.resources(k, t)) return 1;
  return 0;
}
