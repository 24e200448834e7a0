import { Types } from "mongoose";
import type { Models } from "../db/models";
import { duplicateKeyIndexes } from "../db/bulk";
import { groupedInserts } from "../db/groupedInserts";

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;
/**
 * Candidates claimFirst tries one by one before it reads which of the rest are held: a try is one
 * row in a shared insert, the read a scan of every reservation on FerretDB (about 1 s at 20,000).
 */
const TRIES_BEFORE_READING = 6;
/** Own fresh claims released by their _id one by one, at most (more go in one delete: see releaseOwnClaims). */
const RELEASED_ONE_BY_ONE = 5;
/** Claims per insert command when claiming for many meetings at once. */
const CLAIMS_PER_INSERT = 500;

/** Claims on things only one meeting may hold (see the reservation model). */
export interface ReservationRepository {
  /**
   * Claims every key for the meeting, in one insert; when another meeting holds any of them, releases
   * what it claimed and names the first such key. `holds`: the keys the meeting holds already (a new
   * meeting: none), which count as claimed with no read; without it, each refused key is read.
   * `firstOf`: groups of candidates (a booking's tables, its interpreters), of which the first not
   * known to be held is tried in the same insert; `firsts` says which of each the meeting got (null:
   * the one tried was held, or there was none; claimFirst tries the rest).
   */
  claimAll(
    keys: string[],
    meetingId: string,
    holds?: readonly string[],
    firstOf?: readonly (readonly string[])[],
  ): Promise<{ ok: true; firsts: (number | null)[] } | { ok: false; taken: string }>;
  /**
   * Claims each meeting's keys, all meetings in a few inserts (publishing a plan): a meeting another
   * holder beat to any of its keys gets none of them (what it won is released). Returns those meetings.
   */
  claimEach(claims: { meetingId: string; keys: string[] }[]): Promise<Set<string>>;
  /**
   * Claims the first free candidate, in order (`keyOf` names what it holds); returns the one it
   * chose, null when every one is held. `holds`: the keys the meeting holds already (moving, it may
   * keep its table), which count as claimed.
   */
  claimFirst<T>(
    candidates: readonly T[],
    keyOf: (candidate: T) => string,
    meetingId: string,
    holds?: readonly string[],
  ): Promise<{ chosen: T; key: string } | null>;
  /** Claims a key only if no one holds it yet, this meeting included: a once-only mark. */
  claimNew(key: string, meetingId: string): Promise<boolean>;
  /** Releases keys this meeting holds (a key another meeting holds is left alone). */
  release(keys: string[], meetingId: string): Promise<void>;
  /**
   * Releases keys this request claimed moments ago, each by its _id alone. Only for claims no one
   * else can release: nothing but the orphan sweep lets go of a claim it did not make, and only of
   * claims older than its grace.
   */
  releaseOwnClaims(keys: string[]): Promise<void>;
  /** Claims created before `before`, for the orphan sweep. */
  listOlderThan(before: Date): Promise<{ key: string; meetingId: string }[]>;
}

/** Keys this process knows are held (at most this many; the oldest go first). */
const MAX_KNOWN_HELD = 50_000;

/**
 * Keys this process claimed or saw refused, and keys it is claiming now: candidates claimFirst tries
 * last, and the one key claimAll tries first, alone. Only an order: a key released by another process
 * is still tried, so a hint never refuses anything. Keys being claimed count because simultaneous
 * bookings in one process would otherwise pick the same first table (each refusal costs FerretDB a
 * batch inserted again row by row; see groupedInserts).
 */
function knownHeld() {
  const keys = new Set<string>();
  const claiming = new Map<string, number>();
  return {
    has: (key: string) => keys.has(key),
    /** Held as far as this process knows, or being claimed here now. */
    busy: (key: string) => keys.has(key) || claiming.has(key),
    note(key: string) {
      keys.delete(key);
      if (keys.size >= MAX_KNOWN_HELD) keys.delete(keys.values().next().value!);
      keys.add(key);
    },
    forget: (key: string) => void keys.delete(key),
    /** Marks the keys as being claimed until `claim` settles. */
    async during<T>(claimed: readonly string[], claim: Promise<T>): Promise<T> {
      for (const key of claimed) claiming.set(key, (claiming.get(key) ?? 0) + 1);
      try {
        return await claim;
      } finally {
        for (const key of claimed) {
          const left = claiming.get(key)! - 1;
          if (left) claiming.set(key, left);
          else claiming.delete(key);
        }
      }
    },
  };
}

export function createReservationRepository({ Reservation }: Models): ReservationRepository {
  // Claims of bookings served at once go out in one insert (see groupedInserts).
  const claims = groupedInserts(Reservation);
  /**
   * Whether this meeting holds the key: read by _id alone and compared here. Any read costs a scan of
   * every reservation on FerretDB v1.24 (measured: 2 ms at 1,000 documents, 10 ms at 20,000, on
   * SQLite and PostgreSQL alike: the _id index is on another expression than the lookup uses), so
   * the claims below read only when a refusal needs explaining.
   */
  const heldBy = async (key: string, meetingId: string) =>
    (await Reservation.findById(key, { meetingId: 1 }).lean())?.meetingId.toHexString() === meetingId;
  /** Inserts the claim; false when someone (this meeting included) holds the key. `doubtful`: it is thought held. */
  const tryClaim = async (key: string, meetingId: string, doubtful = false) => {
    try {
      await taken.during([key], claims.insertOne({ _id: key, meetingId: new Types.ObjectId(meetingId) }, { doubtful }));
      taken.note(key);
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return false;
    }
  };
  const taken = knownHeld();
  // One command for all the keys (a meeting holds a dozen or more: each firm's time in five-minute
  // blocks): FerretDB's SQLite backend scans the collection for every delete, even by _id, so a
  // delete per key cost a loser of a contended booking one scan per key (up to 24).
  const release = async (keys: string[], meetingId: string) => {
    if (!keys.length) return;
    for (const key of keys) taken.forget(key);
    await Reservation.deleteMany({ _id: { $in: keys }, meetingId: new Types.ObjectId(meetingId) });
  };
  // A few keys by their _id each, in one command: FerretDB looks an _id up in SQL, scanning the table
  // in SQLite until it finds it (a fresh claim is near the end: 70 ms at 14,700 reservations). More
  // than that, one delete of them all, which FerretDB answers by decoding every reservation in Go
  // once (0.36 s there; twelve keys one by one took 0.84 s).
  const releaseOwnClaims = async (keys: string[]) => {
    if (!keys.length) return;
    for (const key of keys) taken.forget(key);
    if (keys.length > RELEASED_ONE_BY_ONE) {
      await Reservation.deleteMany({ _id: { $in: keys } });
      return;
    }
    await Reservation.bulkWrite(
      keys.map((key) => ({ deleteOne: { filter: { _id: key } } })),
      { ordered: false },
    );
  };
  return {
    async claimAll(keys, meetingId, holds, firstOf = []) {
      if (!keys.length && !firstOf.length) return { ok: true, firsts: [] };
      const owner = new Types.ObjectId(meetingId);
      const own = holds && new Set(holds);
      // Held already: by this very meeting (a retried step) counts as claimed.
      const heldByAnother = async (key: string) => !(own ? own.has(key) : await heldBy(key, meetingId));
      // A key this process knows another meeting holds, or is claiming for one right now, is tried
      // first, alone (among rows expected to be refused): still held, the meeting is refused having
      // written nothing (letting claims go again is a scan on FerretDB). In a rush for one vendor's
      // slot, that is every loser.
      const suspect = keys.find((key) => taken.busy(key) && !own?.has(key));
      const suspectClaimed = suspect !== undefined && (await tryClaim(suspect, meetingId, true));
      if (suspect !== undefined && !suspectClaimed && (await heldByAnother(suspect))) return { ok: false, taken: suspect };
      const rest = keys.filter((key) => key !== suspect);
      // Each group's first candidate not known to be held rides along: most bookings get it, and a
      // refusal of it costs nothing but the row.
      const tried = firstOf.map((group) => group.findIndex((key) => own?.has(key) || !taken.busy(key)));
      const extra = tried.flatMap((i, g) => (i >= 0 ? [firstOf[g]![i]!] : []));
      const rows = [...rest, ...extra];
      // One round trip; unordered, so every key not held is inserted and each held one reported.
      const { refused } = await taken.during(rows, claims.insert(rows.map((key) => ({ _id: key, meetingId: owner }))));
      let lost: string | undefined;
      for (const [i, key] of rest.entries()) {
        if (refused.has(i) && (await heldByAnother(key))) {
          lost = key;
          break;
        }
      }
      if (lost !== undefined) {
        taken.note(lost);
        await releaseOwnClaims([...(suspectClaimed ? [suspect!] : []), ...rows.filter((_, i) => !refused.has(i))]);
        return { ok: false, taken: lost };
      }
      for (const key of keys) taken.note(key);
      const firsts: (number | null)[] = [];
      let at = rest.length;
      for (const i of tried) {
        if (i < 0) {
          firsts.push(null);
          continue;
        }
        // Refused, it is this meeting's own only when it says so; claimFirst reads for an interrupted step's.
        const won = !refused.has(at) || own?.has(rows[at]!) === true;
        taken.note(rows[at]!);
        firsts.push(won ? i : null);
        at++;
      }
      return { ok: true, firsts };
    },
    async claimEach(claims) {
      const rows = claims.flatMap(({ meetingId, keys }) => keys.map((key) => ({ _id: key, meetingId: new Types.ObjectId(meetingId) })));
      const refused: typeof rows = [];
      for (let i = 0; i < rows.length; i += CLAIMS_PER_INSERT) {
        const chunk = rows.slice(i, i + CLAIMS_PER_INSERT);
        const held = await Reservation.insertMany(chunk, { ordered: false }).then(() => new Set<number>(), duplicateKeyIndexes);
        for (const index of held) refused.push(chunk[index]!);
      }
      if (!refused.length) return new Set();
      // Held already by the same meeting (a retried step) counts as claimed; by another, the meeting lost.
      const holders = new Map(
        (await Reservation.find({ _id: { $in: refused.map((r) => r._id) } }, { _id: 1, meetingId: 1 }).lean()).map((r) => [
          String(r._id),
          r.meetingId.toHexString(),
        ]),
      );
      const losers = new Set(refused.filter((r) => holders.get(r._id) !== r.meetingId.toHexString()).map((r) => r.meetingId.toHexString()));
      if (losers.size) {
        const lost = new Set(refused.map((r) => r._id));
        const won = claims.filter((c) => losers.has(c.meetingId)).flatMap((c) => c.keys.filter((k) => !lost.has(k)));
        await Reservation.deleteMany({ _id: { $in: won }, meetingId: { $in: [...losers].map((id) => new Types.ObjectId(id)) } });
      }
      return losers;
    },
    async claimFirst(candidates, keyOf, meetingId, holds) {
      const own = new Set(holds ?? []);
      const left = candidates.map((chosen) => ({ chosen, key: keyOf(chosen) }));
      // Tries with no read (on FerretDB every read scans the collection, even by _id): each time the
      // first candidate not known to be held by another meeting nor being claimed here, as this process
      // learns of claims landing meanwhile (simultaneous bookings of a slot start from the same few);
      // those last, tried too while the tries last (one may have been let go since), so a slot whose few
      // interpreters are all busy is refused with no read. A refusal is another meeting's, or this
      // meeting's own place (the caller says which).
      for (let tries = 0; tries < TRIES_BEFORE_READING && left.length; tries++) {
        const free = left.findIndex((c) => own.has(c.key) || !taken.busy(c.key));
        const [candidate] = left.splice(Math.max(0, free), 1);
        if (await tryClaim(candidate!.key, meetingId, free < 0)) return candidate!;
        taken.note(candidate!.key);
        if (own.has(candidate!.key)) return candidate!;
      }
      // Every one refused: when the meeting said what it holds, none of them is its own.
      if (!left.length && holds) return null;
      // Past those, one read of which are held, so a full slot costs a few commands instead of one
      // per table, room or interpreter; a place this meeting holds from an interrupted step counts.
      const keys = candidates.map(keyOf);
      const holders = new Map(
        (await Reservation.find({ _id: { $in: keys } }, { _id: 1, meetingId: 1 }).lean()).map((r) => [String(r._id), r.meetingId.toHexString()]),
      );
      const mine = keys.findIndex((key) => holders.get(key) === meetingId);
      if (mine >= 0) return { chosen: candidates[mine]!, key: keys[mine]! };
      for (const candidate of left) {
        if (holders.has(candidate.key)) continue;
        if (await tryClaim(candidate.key, meetingId)) return candidate;
        taken.note(candidate.key);
      }
      return null;
    },
    release,
    releaseOwnClaims,
    async claimNew(key, meetingId) {
      try {
        await claims.insertOne({ _id: key, meetingId: new Types.ObjectId(meetingId) });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    async listOlderThan(before) {
      const rows = await Reservation.find({ createdAt: { $lt: before } }, { _id: 1, meetingId: 1 }).lean();
      return rows.map((r) => ({ key: String(r._id), meetingId: r.meetingId.toHexString() }));
    },
  };
}
