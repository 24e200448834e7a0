import { Types } from "mongoose";
import type { Models } from "../db/models";

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;
/** Candidates claimFirst tries one by one before it reads which of the rest are held. */
const TRIES_BEFORE_READING = 3;

/** Claims on things only one meeting may hold (see the reservation model). */
export interface ReservationRepository {
  /** Claims every key for the meeting; on the first one held by another meeting, releases what it claimed and names that key. */
  claimAll(keys: string[], meetingId: string): Promise<{ ok: true } | { ok: false; taken: string }>;
  /** Claims the first free key among the candidates, in order; null when every one is held. */
  claimFirst(candidates: string[], meetingId: string): Promise<string | null>;
  /** Claims a key only if no one holds it yet, this meeting included: a once-only mark. */
  claimNew(key: string, meetingId: string): Promise<boolean>;
  /** Releases keys this meeting holds (a key another meeting holds is left alone). */
  release(keys: string[], meetingId: string): Promise<void>;
  /** Claims created before `before`, for the orphan sweep. */
  listOlderThan(before: Date): Promise<{ key: string; meetingId: string }[]>;
}

export function createReservationRepository({ Reservation }: Models): ReservationRepository {
  const claim = async (key: string, meetingId: string) => {
    try {
      await Reservation.create({ _id: key, meetingId: new Types.ObjectId(meetingId) });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Held already: by this very meeting (a retried step) counts as claimed.
      return Boolean(await Reservation.exists({ _id: key, meetingId: new Types.ObjectId(meetingId) }));
    }
  };
  const release = async (keys: string[], meetingId: string) => {
    for (const key of keys) await Reservation.deleteOne({ _id: key, meetingId: new Types.ObjectId(meetingId) });
  };
  return {
    async claimAll(keys, meetingId) {
      const claimed: string[] = [];
      for (const key of keys) {
        if (!(await claim(key, meetingId))) {
          await release(claimed, meetingId);
          return { ok: false, taken: key };
        }
        claimed.push(key);
      }
      return { ok: true };
    },
    async claimFirst(candidates, meetingId) {
      // The first few by trying them (the candidate order spreads meetings, so the first is usually
      // free); past those, one read of which are held, so a full slot costs a handful of commands
      // instead of two per table, room or interpreter.
      for (const key of candidates.slice(0, TRIES_BEFORE_READING)) if (await claim(key, meetingId)) return key;
      const rest = candidates.slice(TRIES_BEFORE_READING);
      if (!rest.length) return null;
      const holders = new Map((await Reservation.find({ _id: { $in: rest } }, { _id: 1, meetingId: 1 }).lean()).map((r) => [String(r._id), r.meetingId.toHexString()]));
      for (const key of rest) {
        const holder = holders.get(key);
        if (holder === meetingId) return key; // a retried step: this meeting holds it already
        if (!holder && (await claim(key, meetingId))) return key;
      }
      return null;
    },
    release,
    async claimNew(key, meetingId) {
      try {
        await Reservation.create({ _id: key, meetingId: new Types.ObjectId(meetingId) });
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
