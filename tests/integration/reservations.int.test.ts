import type { CommandStartedEvent } from "mongodb";
import mongoose, { Types } from "mongoose";
import { freshDatabase } from "../support/stack";
import { createRepositories, type Repositories } from "../../api/src/repositories";

/**
 * claimFirst against the real database: the first free candidate in order wins, a candidate this
 * meeting already holds counts as claimed, simultaneous claims never share a key, and a slot whose
 * candidates are all held is refused in a handful of commands (not two per candidate).
 */
describe("reservations: claiming the first free of many candidates", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let repos: Repositories;
  beforeAll(async () => {
    db = await freshDatabase("reservations", { monitorCommands: true });
    repos = createRepositories(db.models);
  });
  afterAll(() => db.drop());

  const meeting = () => new Types.ObjectId().toHexString();
  const tables = (slot: string, n: number) => Array.from({ length: n }, (_, i) => `table:test:${slot}:${i + 1}`);
  /** Runs `work` and counts the commands it sends to the reservations collection. */
  async function commandsOf<T>(work: () => Promise<T>): Promise<{ result: T; commands: number }> {
    let commands = 0;
    mongoose.set("debug", (collection: string) => void (collection === "reservations" && commands++));
    try {
      return { result: await work(), commands };
    } finally {
      mongoose.set("debug", false);
    }
  }

  test("the first free candidate in order is claimed, past the held ones, in a few commands", async () => {
    const keys = tables("s1", 40);
    for (const key of keys.slice(0, 30)) await repos.reservations.claimNew(key, meeting());
    const mine = meeting();
    const { result, commands } = await commandsOf(() => repos.reservations.claimFirst(keys, String, mine));
    expect(result).toEqual({ chosen: keys[30], key: keys[30] });
    expect(await db.models.Reservation.findById(keys[30]).lean()).toMatchObject({ meetingId: new Types.ObjectId(mine) });
    expect(commands).toBeLessThanOrEqual(8); // was 61: two per held table, then the claim
  });

  test("when every candidate is held the claim is refused, and nothing is written", async () => {
    const keys = tables("s2", 120);
    for (const key of keys) await repos.reservations.claimNew(key, meeting());
    const before = await db.models.Reservation.countDocuments();
    const { result, commands } = await commandsOf(() => repos.reservations.claimFirst(keys, String, meeting()));
    expect(result).toBeNull();
    expect(commands).toBeLessThanOrEqual(8); // was 240
    expect(await db.models.Reservation.countDocuments()).toBe(before);
  });

  test("a candidate this meeting already holds counts as claimed (a retried step), early or late in the list", async () => {
    const keys = tables("s3", 10);
    for (const key of keys) await repos.reservations.claimNew(key, meeting());
    const mine = meeting();
    await repos.reservations.release([keys[7]!], (await db.models.Reservation.findById(keys[7]).lean())!.meetingId.toHexString());
    await repos.reservations.claimNew(keys[7]!, mine);
    expect((await repos.reservations.claimFirst(keys, String, mine))?.key).toBe(keys[7]);
    expect((await repos.reservations.claimFirst([keys[7]!, ...keys], String, mine))?.key).toBe(keys[7]);
  });

  test("with fewer candidates than it tries before reading, a meeting that does not say what it holds still finds its own", async () => {
    const keys = tables("s11", 3);
    const mine = meeting();
    await repos.reservations.claimNew(keys[0]!, meeting());
    await repos.reservations.claimNew(keys[1]!, mine); // an interrupted step of this meeting
    await repos.reservations.claimNew(keys[2]!, meeting());
    expect((await repos.reservations.claimFirst(keys, String, mine))?.key).toBe(keys[1]);
  });

  test("a meeting that says what it holds keeps its own place where it comes first, with no read, and takes a free one before another's", async () => {
    const keys = tables("s7", 6);
    const mine = meeting();
    await repos.reservations.claimFirst([keys[2]!], String, mine); // claimed through this process: known as held here
    await repos.reservations.claimNew(keys[0]!, meeting()); // another meeting's
    const kept = await commandsOf(() => repos.reservations.claimFirst([keys[2]!, ...keys], String, mine, [keys[2]!]));
    expect(kept.result?.key).toBe(keys[2]);
    expect(kept.commands).toBe(1); // the insert refused: no read
    const moved = await commandsOf(() => repos.reservations.claimFirst(keys, String, mine, [keys[2]!]));
    expect(moved.result?.key).toBe(keys[1]); // the first free one, past the other meeting's, before its own later in the list
    expect(moved.commands).toBe(2);
  });

  test("simultaneous claims on the same candidates never share one: as many win as there are keys", async () => {
    const keys = tables("s4", 12);
    for (const key of keys.slice(0, 4)) await repos.reservations.claimNew(key, meeting());
    const results = await Promise.all(Array.from({ length: 20 }, () => repos.reservations.claimFirst(keys, String, meeting())));
    const won = results.flatMap((r) => (r ? [r.chosen] : []));
    expect(won).toHaveLength(8);
    expect(new Set(won).size).toBe(8);
    expect(won.every((k) => keys.slice(4).includes(k))).toBe(true);
    expect(await db.models.Reservation.countDocuments({ _id: { $in: keys } })).toBe(12);
  });

  test("claimAll takes every key in one command; one held by another meeting refuses all of them and names it", async () => {
    const [a, b, c] = tables("s5", 3) as [string, string, string];
    const mine = meeting();
    const { result, commands } = await commandsOf(() => repos.reservations.claimAll([a, b], mine));
    expect(result).toEqual({ ok: true, firsts: [] });
    expect(commands).toBe(1);
    // Again (a retried step): what this meeting holds counts as claimed.
    expect(await repos.reservations.claimAll([a, b], mine)).toEqual({ ok: true, firsts: [] });

    const other = meeting();
    expect(await repos.reservations.claimAll([c, b], other)).toEqual({ ok: false, taken: b });
    expect(await db.models.Reservation.exists({ _id: c })).toBeNull(); // released: nothing of the refused claim stays
    expect((await db.models.Reservation.findById(b).lean())!.meetingId.toHexString()).toBe(mine);
  });

  test("claimAll told what the meeting holds reads nothing: its own keys count as claimed, another's refuses", async () => {
    const [a, b, c] = tables("s8", 3) as [string, string, string];
    const mine = meeting();
    await repos.reservations.claimAll([a], mine, []);
    const again = await commandsOf(() => repos.reservations.claimAll([a, b], mine, [a]));
    expect(again.result).toEqual({ ok: true, firsts: [] });
    expect(again.commands).toBe(1);
    const refused = await commandsOf(() => repos.reservations.claimAll([c, b], meeting(), []));
    expect(refused.result).toEqual({ ok: false, taken: b });
    // b was claimed through this process, so it is tried first and alone: refused, nothing else written.
    expect(refused.commands).toBe(1);
    expect(await db.models.Reservation.exists({ _id: c })).toBeNull();
  });

  test("claimAll refused by a key another process holds releases what it took, in one command", async () => {
    const [a, b, c] = tables("s9", 3) as [string, string, string];
    await db.models.Reservation.create({ _id: b, meetingId: new Types.ObjectId() }); // not through this process
    const refused = await commandsOf(() => repos.reservations.claimAll([a, b, c], meeting(), []));
    expect(refused.result).toEqual({ ok: false, taken: b });
    expect(refused.commands).toBe(2); // the insert of all three, and the release of a and c: no read of b's holder
    expect(await db.models.Reservation.countDocuments({ _id: { $in: [a, c] } })).toBe(0);
    // Now known here: the next meeting wanting b is refused by a claim of b alone.
    const again = await commandsOf(() => repos.reservations.claimAll([a, b], meeting(), []));
    expect(again).toEqual({ result: { ok: false, taken: b }, commands: 1 });
    expect(await db.models.Reservation.exists({ _id: a })).toBeNull();
  });

  test("a key known here as held but let go by another process is claimed all the same", async () => {
    const [a, b] = tables("s10", 2) as [string, string];
    const first = meeting();
    expect(await repos.reservations.claimAll([a, b], first, [])).toEqual({ ok: true, firsts: [] });
    await db.models.Reservation.deleteMany({ _id: { $in: [a, b] } }); // released elsewhere: this process still thinks them held
    const second = meeting();
    expect(await repos.reservations.claimAll([a, b], second, [])).toEqual({ ok: true, firsts: [] });
    expect((await db.models.Reservation.find({ _id: { $in: [a, b] } }).lean()).map((r) => r.meetingId.toHexString())).toEqual([second, second]);
  });

  test("claimAll takes the first of each group of candidates in the same command, and says which", async () => {
    const [a, b] = tables("s21", 2) as [string, string];
    const desks = tables("s21desk", 3);
    const interpreters = tables("s21int", 2);
    await repos.reservations.claimAll([interpreters[0]!], meeting(), []); // claimed through this process: the second is tried instead
    const mine = meeting();
    const { result, commands } = await commandsOf(() => repos.reservations.claimAll([a, b], mine, [], [desks, interpreters, []]));
    expect(result).toEqual({ ok: true, firsts: [0, 1, null] });
    expect(commands).toBe(1);
    const holders = await db.models.Reservation.find({ _id: { $in: [a, b, desks[0]!, interpreters[1]!] } }).lean();
    expect(holders.map((r) => r.meetingId.toHexString())).toEqual([mine, mine, mine, mine]);
  });

  test("a group's candidate another process holds is not got (the rest are claimFirst's); a firm's time held refuses all and keeps nothing", async () => {
    const [a, b, c] = tables("s22", 3) as [string, string, string];
    const desks = tables("s22desk", 3);
    await db.models.Reservation.create({ _id: desks[0], meetingId: new Types.ObjectId() }); // not through this process
    const mine = meeting();
    expect(await repos.reservations.claimAll([a], mine, [], [desks])).toEqual({ ok: true, firsts: [null] });
    expect(await db.models.Reservation.exists({ _id: a })).not.toBeNull();
    // A key held by another (b, not known here) refuses the meeting: its table claimed with it goes too.
    await db.models.Reservation.create({ _id: b, meetingId: new Types.ObjectId() });
    expect(await repos.reservations.claimAll([c, b], meeting(), [], [desks.slice(1)])).toEqual({ ok: false, taken: b });
    expect(await db.models.Reservation.countDocuments({ _id: { $in: [c, desks[1]!] } })).toBe(0);
  });

  test("bookings claiming at once in one process try different first tables, and each gets one", async () => {
    const desks = tables("s24desk", 12);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => repos.reservations.claimAll(tables(`s24firm${i}`, 2), meeting(), [], [desks])),
    );
    const got = results.map((r) => (r.ok ? r.firsts[0] : undefined));
    expect(got.every((i) => typeof i === "number")).toBe(true);
    expect(new Set(got).size).toBe(8);
  });

  test("a group's candidate the meeting holds already counts as got (moving, it keeps its table)", async () => {
    const [a] = tables("s23", 1) as [string];
    const desks = tables("s23desk", 2);
    const mine = meeting();
    await repos.reservations.claimAll([], mine, [], [desks]);
    expect(await repos.reservations.claimAll([a], mine, [desks[0]!], [desks])).toEqual({ ok: true, firsts: [0] });
  });

  test("own fresh claims are let go by their _id each when few, in one delete of them all when many", async () => {
    const deletes: unknown[][] = [];
    const listen = (e: CommandStartedEvent) => {
      if (e.commandName === "delete") deletes.push((e.command.deletes as { q: unknown }[]).map((d) => d.q));
    };
    db.connection.getClient().on("commandStarted", listen);
    try {
      const few = tables("s25", 3);
      const many = tables("s26", 9);
      for (const keys of [few, many]) await repos.reservations.claimAll(keys, meeting(), []);
      await repos.reservations.releaseOwnClaims(few);
      await repos.reservations.releaseOwnClaims(many);
      expect(deletes).toEqual([few.map((_id) => ({ _id })), [{ _id: { $in: many } }]]);
      expect(await db.models.Reservation.countDocuments({ _id: { $in: [...few, ...many] } })).toBe(0);
    } finally {
      db.connection.getClient().off("commandStarted", listen);
    }
  });

  test("claimEach claims for many meetings in a few commands; exactly the meetings beaten to a key get nothing", async () => {
    const keys = tables("s6", 600);
    const held = meeting();
    await repos.reservations.claimNew(keys[3]!, held); // someone outside the batch holds one key
    const retried = meeting();
    await repos.reservations.claimNew(keys[8]!, retried); // a meeting of the batch already holds its own key
    const claims = Array.from({ length: 300 }, (_, i) => ({ meetingId: i === 4 ? retried : meeting(), keys: [keys[2 * i]!, keys[2 * i + 1]!] }));
    const { result: lost, commands } = await commandsOf(() => repos.reservations.claimEach(claims));
    // Only the meeting that wanted keys[3] (with keys[2]) lost; the one holding its own key did not.
    expect([...lost]).toEqual([claims[1]!.meetingId]);
    expect(commands).toBeLessThanOrEqual(4); // two inserts of 500, one read of the held key, one release
    expect(await db.models.Reservation.exists({ _id: keys[2] })).toBeNull(); // the loser's other key went back
    expect((await db.models.Reservation.findById(keys[3]).lean())!.meetingId.toHexString()).toBe(held);
    expect(await db.models.Reservation.countDocuments({ _id: { $in: keys } })).toBe(599);
  });
});
