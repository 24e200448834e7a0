import type { CommandStartedEvent, CommandSucceededEvent } from "mongodb";
import { Types } from "mongoose";
import { DuplicateKeyError, groupedInserts } from "../../api/src/db/groupedInserts";
import { freshDatabase } from "../support/stack";

/**
 * Inserts asked for by requests served at the same time leave as one unordered insert, and each
 * caller learns exactly which of its own rows lost their unique key, as if it had inserted alone.
 */
describe("grouped inserts", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const inserts: number[] = [];
  /** Each insert's start and end, in the order they happened. */
  const timeline: string[] = [];
  beforeAll(async () => {
    db = await freshDatabase("grouped", { monitorCommands: true });
    db.connection.getClient().on("commandStarted", (e: CommandStartedEvent) => {
      if (e.commandName !== "insert") return;
      inserts.push((e.command.documents as unknown[]).length);
      timeline.push(`start ${(e.command.documents as unknown[]).length}`);
    });
    db.connection.getClient().on("commandSucceeded", (e: CommandSucceededEvent) => {
      if (e.commandName === "insert") timeline.push("end");
    });
  });
  afterAll(() => db.drop());
  const row = (key: string, meeting = new Types.ObjectId()) => ({ _id: key, meetingId: meeting });

  test("callers at once share one command; each is told its own refused rows", async () => {
    const rows = groupedInserts(db.models.Reservation);
    await rows.insert([row("held")]);
    inserts.length = 0;
    const [a, b, c] = await Promise.all([
      rows.insert([row("a1"), row("held"), row("a2")]),
      rows.insert([row("b1"), row("b2")]),
      rows.insert([row("a2"), row("c1")]), // a2: asked by the first caller in the same batch
    ]);
    expect(inserts).toEqual([7]);
    expect([...a.refused]).toEqual([1]);
    expect([...b.refused]).toEqual([]);
    expect([...c.refused]).toEqual([0]);
    expect(await db.models.Reservation.countDocuments({ _id: { $in: ["a1", "a2", "b1", "b2", "c1"] } })).toBe(5);
    await expect(rows.insertOne(row("b1"))).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  test("a caller alone is not held back, a row Mongoose refuses is its caller's error only, and the rows come back as stored", async () => {
    const events = groupedInserts(db.models.MeetingEvent);
    inserts.length = 0;
    const [good, bad] = await Promise.allSettled([
      events.insertOne({ _id: "m:1", meetingId: new Types.ObjectId(), kind: "created", set: {} }),
      events.insertOne({ _id: "m:2", kind: "created", set: {} }), // no meetingId: invalid
    ]);
    expect(good.status).toBe("fulfilled");
    expect((good as PromiseFulfilledResult<Record<string, unknown>>).value.createdAt).toBeInstanceOf(Date);
    expect(bad.status).toBe("rejected");
    expect(inserts).toEqual([1]);
  });

  test("a row is stored as Mongoose's own insert stores it (cast, defaults, timestamps, version)", async () => {
    const events = groupedInserts(db.models.MeetingEvent);
    const meetingId = new Types.ObjectId().toHexString();
    await events.insertOne({ _id: "m:grouped", meetingId, kind: "created", set: {} });
    await db.models.MeetingEvent.create({ _id: "m:created", meetingId, kind: "created", set: {} });
    const mails = groupedInserts(db.models.OutboxMessage);
    const mail = { to: "a@b.vn", template: "t", locale: "vi", subject: "s", text: "x" };
    const { _id: groupedMail } = await mails.insertOne(mail);
    const { _id: createdMail } = await db.models.OutboxMessage.create(mail);
    const stored = async (model: { collection: { findOne(f: object): Promise<unknown> } }, _id: unknown) =>
      (await model.collection.findOne({ _id })) as Record<string, unknown>;
    const shape = (doc: Record<string, unknown>) =>
      Object.entries(doc)
        .map(([k, v]) => `${k}:${(v as object)?.constructor?.name}`)
        .sort();
    const grouped = await stored(db.models.MeetingEvent, "m:grouped");
    expect(grouped.meetingId).toBeInstanceOf(Types.ObjectId); // cast from the string given
    expect(shape(grouped)).toEqual(shape(await stored(db.models.MeetingEvent, "m:created")));
    const groupedOutbox = await stored(db.models.OutboxMessage, groupedMail);
    expect(groupedOutbox).toMatchObject({ __v: 0, attempts: 0 });
    expect(shape(groupedOutbox)).toEqual(shape(await stored(db.models.OutboxMessage, createdMail)));
  });

  test("while an insert is in flight, the rows asked for meanwhile wait for it and then leave together", async () => {
    // The real model, its first insert held until three more callers have asked (on a quiet machine
    // the database answers before they do; in a rush it does not).
    const model = db.models.Reservation;
    let open!: () => void;
    const held = new Promise<void>((resolve) => (open = resolve));
    let sent = 0;
    const Base = model as unknown as new (row: Record<string, unknown>) => { validate(): Promise<void>; toObject(): unknown };
    class SlowFirst extends Base {
      static schema = model.schema;
      static async insertMany(docs: never[], options: { ordered: false }) {
        if (sent++ === 0) await held;
        return model.insertMany(docs, options);
      }
    }
    const rows = groupedInserts(SlowFirst);
    inserts.length = 0;
    timeline.length = 0;
    const first = rows.insert([row("f1")]);
    for (let turns = 0; sent === 0 && turns < 1000; turns++) await new Promise((r) => setImmediate(r)); // its batch has left
    expect(sent).toBe(1);
    // Three more callers, each in a later turn of the event loop, while the first insert is out.
    const later: Promise<unknown>[] = [];
    for (const key of ["f2", "f3", "f4"]) {
      await new Promise((r) => setImmediate(r));
      later.push(rows.insert([row(key)]));
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toBe(1); // nothing else left while the first was out
    open();
    await Promise.all([first, ...later]);
    expect(inserts).toEqual([1, 3]);
    expect(timeline).toEqual(["start 1", "end", "start 3", "end"]);
    expect(await db.models.Reservation.countDocuments({ _id: { $in: ["f1", "f2", "f3", "f4"] } })).toBe(4);
  });

  test("a burst larger than one batch leaves as batches one after another, never two at once", async () => {
    const rows = groupedInserts(db.models.Reservation);
    inserts.length = 0;
    timeline.length = 0;
    const { refused } = await rows.insert(Array.from({ length: 450 }, (_, i) => row(`burst${i}`)));
    expect(refused.size).toBe(0);
    expect(inserts).toEqual([200, 200, 50]);
    expect(timeline).toEqual(["start 200", "end", "start 200", "end", "start 50", "end"]);
  });

  test("rows the caller doubts will land go in a batch of their own, so the others' batch is not refused", async () => {
    const rows = groupedInserts(db.models.Reservation);
    await rows.insert([row("taken1")]);
    inserts.length = 0;
    timeline.length = 0;
    const [likely, doubtful] = await Promise.all([
      rows.insert([row("lane1"), row("lane2"), row("lane3")]),
      rows.insert([row("taken1"), row("lane4")], { doubtful: true }),
    ]);
    expect([...likely.refused]).toEqual([]);
    expect([...doubtful.refused]).toEqual([0]);
    expect(inserts).toEqual([3, 2]);
    expect(timeline).toEqual(["start 3", "end", "start 2", "end"]);
  });
});
