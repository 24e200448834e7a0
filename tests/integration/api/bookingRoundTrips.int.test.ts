import type { CommandStartedEvent } from "mongodb";
import { DEMO_PASSWORD, seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { buildTestApp, FIXED_NOW, signIn } from "../../support/app";
import { freshDatabase } from "../../support/stack";

type Db = Awaited<ReturnType<typeof freshDatabase>>;
type Agent = Awaited<ReturnType<typeof signIn>>;

/**
 * How many database commands one booking costs, counted by the driver (command monitoring), so a
 * re-read that comes back (the route loading again what the command loaded) fails here. Each list is
 * `collection.command`, compared in any order (reads made in parallel may go out in either order).
 *
 * Before slots were named by their start and commands handed what they loaded to the route (#20):
 * a request 15 commands, accepting it 27, a booking 24, the agenda 7. The route re-read both companies
 * and the fair (and the interpreters) to present the meeting, the notifier re-read the interpreter,
 * applying a change re-read the meeting and its next event, both firms' time was claimed in two
 * inserts, and the programme was read even for firms registered for no session.
 */
/**
 * A request reads the revisions once (one command for all of them); the records every booking reads
 * are kept by the process while their revision stands (sessions with their users, firms, events with
 * their interpreters and programme, each firm's members): see revisionKeyedCache. The process's first
 * booking reads them; the next requests send only what they write and what changes with every
 * booking (the meeting, its reservations, its parties' agenda revisions). Before (#24): a booking 16
 * commands, accepting 17, the agenda 5 (with a scan of every meeting); a booking's pair was claimed
 * on its own before its time (10 commands, 8 with Redis); its table and interpreter were claimed in
 * inserts of their own after the firms' time (9 commands, 7 with Redis; accepting 12, 10 with Redis).
 */
const AUTH = ["revisions.find"];
/** The notices: one notification insert, one mail to the other side. */
const NOTIFY = ["notifications.insert", "outbox.insert"];
const EXPECTED = {
  // The process's first booking: both firms, the event and both firms' members read once.
  requested: [
    ...AUTH,
    ...["companies.find", "companies.find", "fairs.find"],
    "reservations.insert",
    "meetings.insert",
    "meeting_events.insert",
    "agenda_revisions.update", // both firms' agendas changed (one command)
    ...["agenda_revisions.find", "agenda_revisions.insert"], // their first change: the firms' revision documents are made
    "users.find", // every firm's members, in one read
    ...NOTIFY,
  ],
  accepted: [
    ...AUTH,
    ...["meetings.find", "meeting_events.find"], // the meeting, rolled forward over an unapplied event if any
    ...["interpreters.find", "reservations.insert"], // the event's interpreters; both firms' time with a table and an interpreter
    ...["meeting_events.insert", "meetings.findAndModify", "agenda_revisions.update"],
    ...NOTIFY,
  ],
  booked: [
    ...AUTH,
    "reservations.insert", // the pair's one live meeting with both firms' time, a table and an interpreter
    ...["meetings.insert", "meeting_events.insert", "agenda_revisions.update"],
    ...NOTIFY,
  ],
  // The firm's agenda revision (by _id), and its meetings only when one changed since this process read them.
  agenda: [...AUTH, "agenda_revisions.find", "meetings.find"],
  agendaAgain: [...AUTH, "agenda_revisions.find"],
};

/**
 * With the revisions in Redis (a deployment with REDIS_URL): the same, less every revision read and
 * agenda bump, which go to Redis. A booking is then inserts only: on FerretDB's SQLite backend an
 * update waits for the single writer, an insert much less.
 */
const IN_REDIS = Object.fromEntries(
  Object.entries(EXPECTED).map(([step, list]) => [step, list.filter((c) => c !== "revisions.find" && !c.startsWith("agenda_revisions."))]),
) as typeof EXPECTED;
const COUNTS = { database: [13, 10, 7, 3, 2], redis: [9, 8, 5, 1, 0] };

describe.each(["database", "redis"] as const)("database round trips of a booking (revisions in the %s)", (revisionsIn) => {
  let db: Db;
  let app: ReturnType<typeof buildTestApp>["app"];
  let domestic: Agent;
  let vendor: Agent;
  let vendorId: string;
  const sent: string[] = [];
  let recording = false;

  beforeAll(async () => {
    db = await freshDatabase(`roundtrips-${revisionsIn}`, { monitorCommands: true, revisionsIn });
    const built = buildTestApp(db, { now: () => FIXED_NOW });
    app = built.app;
    await seedDemoFair(built.repos, FIXED_NOW);
    domestic = await signIn(app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    vendor = await signIn(app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    vendorId = vendor.session.user.companyId!;
    // Onsite, no common language: the booking claims both firms' time, a table and an interpreter.
    await db.models.Company.updateMany(
      { _id: { $in: [domestic.session.user.companyId, vendorId] } },
      { $set: { listed: true, participation: "onsite", blockedSlots: [] } },
    );
    await db.models.Company.updateOne({ _id: domestic.session.user.companyId }, { $set: { languages: ["vi"] } });
    await db.models.Company.updateOne({ _id: vendorId }, { $set: { languages: ["ja"] } });
    // Both sessions used once, as a page would right after signing in: the process keeps them.
    for (const s of [domestic, vendor]) await s.agent.get("/api/auth/session").expect(200);
    db.connection.getClient().on("commandStarted", (e: CommandStartedEvent) => {
      if (recording) sent.push(`${String(e.command[e.commandName])}.${e.commandName}`);
    });
  });
  afterAll(() => db.drop());

  /** The commands one HTTP call sends, from the request to the response. */
  const commandsOf = async (call: () => Promise<unknown>) => {
    sent.length = 0;
    recording = true;
    await call();
    recording = false;
    return [...sent];
  };

  test("requesting, accepting and reading the agenda send the commands they need and nothing more", async () => {
    const requested = await commandsOf(() =>
      domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId, message: "Servo presses", mode: "onsite" }).expect(201),
    );
    const meetingId = (await db.models.Meeting.findOne({ status: "requested" }).lean())!._id.toHexString();
    const slot = (await domestic.agent.get(`/api/meetings/slots?with=${vendorId}`).expect(200)).body[1].id;
    const accepted = await commandsOf(() => vendor.agent.post(`/api/meetings/${meetingId}/accept`).set(vendor.csrf).send({ slot }).expect(200));
    await domestic.agent.post(`/api/meetings/${meetingId}/cancel`).set(domestic.csrf).send({}).expect(200);
    const slot2 = (await domestic.agent.get(`/api/meetings/slots?with=${vendorId}`).expect(200)).body[2].id;
    const booked = await commandsOf(() =>
      domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId, mode: "onsite", slot: slot2 }).expect(201),
    );
    const agenda = await commandsOf(() => domestic.agent.get("/api/meetings").expect(200));
    const agendaAgain = await commandsOf(() => domestic.agent.get("/api/meetings").expect(200));
    const sorted = (list: string[]) => [...list].sort();
    const expected = revisionsIn === "redis" ? IN_REDIS : EXPECTED;
    expect(sorted(requested)).toEqual(sorted(expected.requested));
    expect(sorted(accepted)).toEqual(sorted(expected.accepted));
    expect(sorted(booked)).toEqual(sorted(expected.booked));
    expect(sorted(agenda)).toEqual(sorted(expected.agenda));
    expect(sorted(agendaAgain)).toEqual(sorted(expected.agendaAgain));
    expect([requested.length, accepted.length, booked.length, agenda.length, agendaAgain.length]).toEqual(COUNTS[revisionsIn]);
  });
});
