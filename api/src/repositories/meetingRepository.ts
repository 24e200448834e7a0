import { Types } from "mongoose";
import type { Models } from "../db/models";
import type { MeetingDoc } from "../db/models/meeting";
import { toPlain, type Record_ } from "./plain";
import { bulkWriteInBatches, duplicateKeyIndexes } from "../db/bulk";
import { createPerKeyRevisionCache } from "./revisionKeyedCache";
import { groupedInserts } from "../db/groupedInserts";
import type { RevisionRepository } from "./revisionRepository";

export type MeetingRecord = Record_<MeetingDoc> & { createdAt: Date; updatedAt: Date };
/** A meeting's fields as a change sets them (ids as strings). */
export type MeetingFields = Omit<MeetingRecord, "id" | "version" | "createdAt" | "updatedAt">;
export type MeetingChange = { set: Partial<MeetingFields>; unset?: (keyof MeetingFields)[] };

/** Another change to the meeting got there first; the caller reloads and decides again. */
export class StaleMeetingError extends Error {
  constructor() {
    super("the meeting changed meanwhile");
    this.name = "StaleMeetingError";
  }
}

export interface MeetingEventRecord {
  n: number;
  kind: string;
  actorUserId?: string;
  at: Date;
}

export interface MeetingRepository {
  newId(): string;
  /** Inserts a meeting (version 1) with its first event. */
  create(id: string, fields: MeetingFields, actorUserId: string): Promise<MeetingRecord>;
  /** Inserts many meetings (version 1) with their first events, in a few commands (publishing a plan). */
  createMany(meetings: { id: string; fields: MeetingFields }[], actorUserId: string): Promise<void>;
  findById(id: string): Promise<MeetingRecord | null>;
  /** Meetings by id as stored (a change another process left half-applied shows up as a stale change). */
  findByIds(ids: string[]): Promise<MeetingRecord[]>;
  /** Applies a change as the meeting's next event; throws StaleMeetingError when another change won. */
  change(meeting: MeetingRecord, kind: string, actorUserId: string | undefined, change: MeetingChange): Promise<MeetingRecord>;
  /**
   * Applies one change of the same kind to each of many meetings, in a few commands; returns the ids
   * whose change lost to another (stale: nothing applied to those).
   */
  changeEach(changes: { meeting: MeetingRecord; change: MeetingChange }[], kind: string, actorUserId: string): Promise<Set<string>>;
  listForCompany(companyId: string): Promise<MeetingRecord[]>;
  /** The company's meetings as this process read them at most RECENT_AGENDA_MS ago (or now): for suggestions checked again when taken. */
  listForCompanyRecent(companyId: string): Promise<MeetingRecord[]>;
  /** Whether the two companies have had any meeting or request between them, in any state. */
  existsBetween(companyA: string, companyB: string): Promise<boolean>;
  /** Whether the interpreter is booked into a meeting of the company (in any state). */
  existsForInterpreter(interpreterId: string, companyId: string): Promise<boolean>;
  listForInterpreter(interpreterId: string): Promise<MeetingRecord[]>;
  listForFair(fairId: string): Promise<MeetingRecord[]>;
  /** Every held meeting's event and parties, nothing else (the public statistics count them). */
  listHeld(): Promise<{ fairId: string; parties: string[] }[]>;
  /** Per event: the meetings held and the outcomes their parties recorded, by kind. */
  resultsByFair(fairIds: string[]): Promise<Map<string, { meetingsHeld: number; outcomes: Record<string, number> }>>;
  history(id: string): Promise<MeetingEventRecord[]>;
  /** Open requests whose time to answer is up (any fair). */
  listLapsed(now: Date): Promise<MeetingRecord[]>;
  /** Booked meetings starting in [from, to). */
  listBookedStarting(from: Date, to: Date): Promise<MeetingRecord[]>;
  /** Booked online meetings stored before the room number was kept on the meeting (for migrateSlotIdentity). */
  listWithoutRoomNumber(): Promise<MeetingRecord[]>;
  /** Records the room number of a meeting stored without it, unless the meeting changed since it was read. */
  recordRoomNumber(meeting: MeetingRecord, roomNumber: number): Promise<void>;
}

/**
 * How old an agenda a refusal's suggested slots may be computed from: on FerretDB an agenda read is
 * a scan of every meeting (about 0.1-0.2 s at 1,000), and in a rush for one vendor each of its
 * bookings would make the next refusals read its agenda again.
 */
export const RECENT_AGENDA_MS = 30_000;

/** Documents per insert command when writing many meetings at once. */
const ROWS_PER_INSERT = 500;

const ID_FIELDS = new Set(["fairId", "requesterId", "recipientId", "requestedBy", "interpreterId"]);

/** Strings to ObjectIds where the schema keeps ObjectIds. */
function toStored(set: Partial<MeetingFields>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(set)) {
    if (value === undefined) continue;
    if (ID_FIELDS.has(key)) out[key] = new Types.ObjectId(value as string);
    else if (key === "parties" || key === "absent") out[key] = (value as string[]).map((v) => new Types.ObjectId(v));
    else if (key === "proposal") {
      const p = value as { start: Date; end: Date; by: string };
      out[key] = { start: p.start, end: p.end, by: new Types.ObjectId(p.by) };
    } else if (key === "outcomes") out[key] = (value as { companyId: string }[]).map((o) => ({ ...o, companyId: new Types.ObjectId(o.companyId) }));
    else out[key] = value;
  }
  return out;
}

/** From how many firms a write's agenda bump is the shared one (a plan's batch) instead of each firm's own. */
const BULK_PARTIES = 16;

export function createMeetingRepository({ Meeting, MeetingEvent }: Models, revisions: RevisionRepository): MeetingRepository {
  // Each firm's meetings, kept in this process until one of them changes in any process: every
  // write below bumps its parties' agenda revisions (or, in bulk, the shared one) before it answers
  // (on FerretDB, listing a firm's meetings decodes every meeting of every fair).
  // Meetings booked at once are written in one insert per collection (see groupedInserts).
  const meetingRows = groupedInserts(Meeting);
  const eventRows = groupedInserts(MeetingEvent);
  const agendas = createPerKeyRevisionCache<string, MeetingRecord[]>(async (companyId) => [
    await revisions.agenda(companyId),
    await revisions.get("agendas"),
  ]);
  /**
   * Sets a new revision on the parties' agendas. Many at once (a published plan's batch) set the
   * shared revision instead: FerretDB's SQLite backend updates document by document, each a scan of
   * the collection (500 of 3,000 firms in one update took 2.5 s, twenty of them most of a
   * 5,000-meeting publish).
   */
  const revisionsOfAgendas = async (parties: Iterable<string | Types.ObjectId>) => {
    const ids = [...new Set([...parties].map(String))];
    if (!ids.length) return;
    if (ids.length >= BULK_PARTIES) return revisions.bump("agendas");
    await revisions.bumpAgendas(ids);
  };
  /** A change to meetings already kept: the parties' agendas are read again, for suggestions too. */
  const touched = async (parties: Iterable<string | Types.ObjectId>) => {
    for (const id of new Set([...parties].map(String))) agendas.forget(id);
    await revisionsOfAgendas(parties);
  };
  const update = (version: number, set: Record<string, unknown>, unset: string[]) => ({
    $set: { ...set, version },
    ...(unset.length ? { $unset: Object.fromEntries(unset.map((k) => [k, 1])) } : {}),
  });
  const apply = async (id: string, parties: Types.ObjectId[], version: number, set: Record<string, unknown>, unset: string[]) => {
    await Meeting.updateOne({ _id: id }, update(version, set, unset));
    await touched(parties);
  };
  /** Rolls a meeting forward over events written by a process that stopped before applying them. */
  const load = async (id: string): Promise<MeetingRecord | null> => {
    for (;;) {
      const doc = await Meeting.findById(id).lean();
      if (!doc) return null;
      const next = await MeetingEvent.findById(`${id}:${doc.version + 1}`).lean();
      if (!next) return toPlain(doc) as MeetingRecord;
      await apply(id, doc.parties, doc.version + 1, next.set as Record<string, unknown>, next.unset);
    }
  };
  const list = async (filter: Record<string, unknown>) =>
    (await Meeting.find(filter).sort({ startsAt: 1, createdAt: 1 }).lean()).map((d) => toPlain(d) as MeetingRecord);
  return {
    newId: () => new Types.ObjectId().toHexString(),
    async create(id, fields, actorUserId) {
      const stored = toStored(fields);
      const doc = await meetingRows.insertOne({ _id: id, ...stored, version: 1 });
      await eventRows.insertOne({ _id: `${id}:1`, meetingId: id, kind: "created", actorUserId, set: stored });
      await revisionsOfAgendas(fields.parties);
      // Version 1 is what was just written: nothing to roll forward, so no need to read it back.
      const meeting = toPlain(doc) as MeetingRecord;
      // A new meeting is added to what this process keeps of its parties' agendas for suggestions.
      for (const party of fields.parties) agendas.amend(String(party), (list) => (list.some((m) => m.id === id) ? list : [...list, meeting]));
      return meeting;
    },
    async createMany(meetings, actorUserId) {
      const stored = meetings.map(({ id, fields }) => ({ id, set: toStored(fields) }));
      for (let i = 0; i < stored.length; i += ROWS_PER_INSERT) {
        const chunk = stored.slice(i, i + ROWS_PER_INSERT);
        await Meeting.insertMany(chunk.map(({ id, set }) => ({ _id: id, ...set, version: 1 })));
        await MeetingEvent.insertMany(chunk.map(({ id, set }) => ({ _id: `${id}:1`, meetingId: id, kind: "created", actorUserId, set })));
      }
      await touched(meetings.flatMap((m) => m.fields.parties));
    },
    async findById(id) {
      return Types.ObjectId.isValid(id) ? load(id) : null;
    },
    async findByIds(ids) {
      const valid = ids.filter((id) => Types.ObjectId.isValid(id));
      return (await Meeting.find({ _id: { $in: valid } }).lean()).map((d) => toPlain(d) as MeetingRecord);
    },
    async changeEach(changes, kind, actorUserId) {
      const rows = changes.map(({ meeting, change: { set, unset = [] } }) => ({ meeting, n: meeting.version + 1, set: toStored(set), unset }));
      const stale = new Set<string>();
      // The events first, as one change does: the unique event id lets one change per version win.
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const chunk = rows.slice(i, i + ROWS_PER_INSERT);
        const events = chunk.map(({ meeting, n, set, unset }) => ({
          _id: `${meeting.id}:${n}`,
          meetingId: meeting.id,
          kind,
          actorUserId,
          set,
          unset,
        }));
        const lost = await MeetingEvent.insertMany(events, { ordered: false }).then(() => new Set<number>(), duplicateKeyIndexes);
        for (const index of lost) stale.add(chunk[index]!.meeting.id);
      }
      const applied = rows.filter((r) => !stale.has(r.meeting.id));
      await bulkWriteInBatches(
        Meeting,
        applied.map(({ meeting, n, set, unset }) => ({ updateOne: { filter: { _id: meeting.id }, update: update(n, set, unset) } })),
      );
      await touched(applied.flatMap((r) => r.meeting.parties));
      return stale;
    },
    async change(meeting, kind, actorUserId, { set, unset = [] }) {
      const n = meeting.version + 1;
      const stored = toStored(set);
      try {
        await MeetingEvent.create({ _id: `${meeting.id}:${n}`, meetingId: meeting.id, kind, actorUserId, set: stored, unset });
      } catch (err) {
        if ((err as { code?: number }).code === 11000) throw new StaleMeetingError();
        throw err;
      }
      // The meeting as this change left it, in the same command that applies it. A later event some
      // other process wrote meanwhile is rolled forward by the next read, as ever.
      const doc = await Meeting.findOneAndUpdate({ _id: meeting.id }, update(n, stored, unset), { returnDocument: "after" }).lean();
      await touched(meeting.parties);
      return toPlain(doc!) as MeetingRecord;
    },
    listForCompany: (companyId) => agendas.get(companyId, () => list({ parties: new Types.ObjectId(companyId) })),
    listForCompanyRecent: (companyId) => agendas.recent(companyId, RECENT_AGENDA_MS, () => list({ parties: new Types.ObjectId(companyId) })),
    async existsBetween(companyA, companyB) {
      return (await Meeting.exists({ parties: { $all: [new Types.ObjectId(companyA), new Types.ObjectId(companyB)] } })) !== null;
    },
    async existsForInterpreter(interpreterId, companyId) {
      return (await Meeting.exists({ interpreterId: new Types.ObjectId(interpreterId), parties: new Types.ObjectId(companyId) })) !== null;
    },
    listForInterpreter: (interpreterId) => list({ interpreterId: new Types.ObjectId(interpreterId) }),
    listForFair: (fairId) => list({ fairId: new Types.ObjectId(fairId) }),
    async listHeld() {
      const rows = await Meeting.find({ status: "held" }, { fairId: 1, parties: 1 }).lean();
      return rows.map((m) => ({ fairId: m.fairId.toHexString(), parties: m.parties.map((p) => p.toHexString()) }));
    },
    async resultsByFair(fairIds) {
      // One read of the two fields counted, counted here.
      const rows = await Meeting.find(
        { status: "held", fairId: { $in: fairIds.map((id) => new Types.ObjectId(id)) } },
        { fairId: 1, outcomes: 1 },
      ).lean();
      const results = new Map(fairIds.map((id) => [id, { meetingsHeld: 0, outcomes: {} as Record<string, number> }]));
      for (const m of rows) {
        const r = results.get(m.fairId.toHexString())!;
        r.meetingsHeld++;
        for (const o of m.outcomes ?? []) if (o.outcome) r.outcomes[o.outcome] = (r.outcomes[o.outcome] ?? 0) + 1;
      }
      return results;
    },
    listLapsed: (now) => list({ status: { $in: ["requested", "countered"] }, expiresAt: { $lte: now } }),
    listBookedStarting: (from, to) => list({ status: "booked", startsAt: { $gte: from, $lt: to } }),
    listWithoutRoomNumber: () => list({ status: "booked", mode: "online", roomNumber: { $exists: false } }),
    async recordRoomNumber(meeting, roomNumber) {
      // Not a change of the meeting (no event): the number it has held all along, written where it is read.
      await Meeting.updateOne({ _id: meeting.id, version: meeting.version }, { $set: { roomNumber } });
      await touched(meeting.parties);
    },
    async history(id) {
      const rows = await MeetingEvent.find({ meetingId: new Types.ObjectId(id) }).lean();
      return rows
        .map((r) => ({
          n: Number(String(r._id).split(":")[1]),
          kind: r.kind,
          ...(r.actorUserId ? { actorUserId: r.actorUserId.toHexString() } : {}),
          at: r.createdAt as Date,
        }))
        .sort((a, b) => a.n - b.n);
    },
  };
}
