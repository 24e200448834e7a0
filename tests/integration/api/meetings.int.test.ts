import request from "supertest";
import { DEMO_PASSWORD, seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { buildTestApp, FIXED_NOW, signIn, TEST_ORIGIN } from "../../support/app";
import { freshDatabase, silentLogger, stack } from "../../support/stack";
import { connectDatabase } from "../../../api/src/db/connection";
import { createMeetingContext } from "../../../api/src/composition";
import { expireRequests, sendReminders } from "../../../api/src/commands/meetings/maintenance";
import { reservationKeys } from "../../../api/src/domain/meetings/reservationKeys";
import { demoFairSetup } from "../../../api/src/seed/data/programme";
import { fairSlots } from "../../../api/src/domain/fairSlots";
import { DEMO_DAYS, fairIso, fairTime } from "../../support/clock";
import { buildCompany, buildFirm, buildInterpreter, buildMeeting, buildUser, FACTORY_PASSWORD, signInAs } from "../../support/factories";

type Db = Awaited<ReturnType<typeof freshDatabase>>;
type Agent = Awaited<ReturnType<typeof signIn>>;

describe("meetings: requests, answers, bookings under contention, calendar, check-in", () => {
  const clock = { now: FIXED_NOW };
  const now = () => clock.now;
  let db: Db;
  let app: ReturnType<typeof buildTestApp>["app"];
  let repos: ReturnType<typeof buildTestApp>["repos"];
  let domestic: Agent;
  let vendor: Agent;
  let organiser: Agent;
  let domesticId: string;
  let vendorId: string;

  beforeAll(async () => {
    db = await freshDatabase("meetings");
    ({ app, repos } = buildTestApp(db, { now }));
    await seedDemoFair(repos, FIXED_NOW);
    domestic = await signIn(app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    vendor = await signIn(app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    organiser = await signIn(app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    domesticId = domestic.session.user.companyId!;
    vendorId = vendor.session.user.companyId!;
    // The demo firms list themselves, and meet onsite with no common language (a Japanese interpreter is needed).
    await db.models.Company.updateMany({ _id: { $in: [domesticId, vendorId] } }, { $set: { listed: true, participation: "onsite" } });
    await db.models.Company.updateOne({ _id: domesticId }, { $set: { languages: ["vi"] } });
    await db.models.Company.updateOne({ _id: vendorId }, { $set: { languages: ["ja"] } });
  });
  afterAll(() => db.drop());
  afterEach(() => (clock.now = FIXED_NOW));

  /** The VEVENT of one meeting in a calendar, and how many events carry its UID. */
  const eventOf = (ics: string, uid: string) => {
    const events = ics
      .split("BEGIN:VEVENT")
      .slice(1)
      .filter((e) => e.includes(uid));
    return { count: events.length, text: events[0] ?? "" };
  };
  const byNumber = (a: number, b: number) => a - b;
  const cancel = (a: Agent, id: string) => a.agent.post(`/api/meetings/${id}/cancel`).set(a.csrf).send({});
  /** A session of the interpreter with this record: the demo interpreter, or a new account given to her. */
  const interpreterSession = async (interpreterId: string) => {
    const record = (await repos.interpreters.findById(interpreterId))!;
    const user = record.userId ? (await repos.users.findById(record.userId))! : null;
    if (user?.email === "interpreter@ketnoi.demo") return signIn(app, user.email, DEMO_PASSWORD);
    if (user) throw new Error(`interpreter ${interpreterId} has an account no test knows the password of`);
    const account = await buildUser(repos, { role: "interpreter" });
    await repos.interpreters.update(interpreterId, { userId: account.id });
    return signInAs({ app, repos }, account);
  };

  test("a request holds nothing, is answered by the other side, and booking assigns a table and an interpreter", async () => {
    const req = await domestic.agent
      .post("/api/meetings")
      .set(domestic.csrf)
      .send({ with: vendorId, message: "Servo presses", mode: "onsite" })
      .expect(201);
    expect(req.body).toMatchObject({
      status: "requested",
      source: "request",
      requester: { companyId: domesticId },
      recipient: { companyId: vendorId },
    });
    expect(new Date(req.body.expiresAt).getTime()).toBe(FIXED_NOW.getTime() + 72 * 3600_000);
    expect(await db.models.Reservation.countDocuments({ meetingId: req.body.id })).toBe(1); // the pair only: no time held

    // A second request for the same pair is refused while this one is open.
    const again = await vendor.agent
      .post("/api/meetings")
      .set({ ...vendor.csrf, "Accept-Language": "en" })
      .send({ with: domesticId })
      .expect(409);
    expect(again.body.error.fields.with).toBe("These two companies already have a meeting or an open request.");
    // The requester cannot answer its own request; the recipient must pick a slot.
    await domestic.agent.post(`/api/meetings/${req.body.id}/accept`).set(domestic.csrf).send({ slot: "d1s02" }).expect(409);
    await vendor.agent.post(`/api/meetings/${req.body.id}/accept`).set(vendor.csrf).send({}).expect(400);

    const vendorNotes = (await vendor.agent.get("/api/me/notifications").expect(200)).body;
    expect(vendorNotes[0]).toMatchObject({ kind: "meeting_requested", meetingId: req.body.id, read: false });

    const booked = (await vendor.agent.post(`/api/meetings/${req.body.id}/accept`).set(vendor.csrf).send({ slot: "d1s02" }).expect(200)).body;
    expect(booked).toMatchObject({
      status: "booked",
      mode: "onsite",
      slot: { id: fairIso(1, "09:00"), start: fairIso(1, "09:00") },
      languages: ["vi", "ja"],
    });
    expect(booked.table).toBeGreaterThanOrEqual(1);
    expect(booked.interpreter.languages).toEqual(expect.arrayContaining(["vi", "ja"]));
    expect(booked.expiresAt).toBeUndefined();
    const held = (await db.models.Reservation.find({ meetingId: booked.id }).lean()).map((r) => String(r._id).split(":")[0]).sort();
    // Each firm's time in five-minute blocks (a 30-minute slot: six each), the pair, the table, the interpreter.
    const blocks = (Date.parse(booked.slot.end) - Date.parse(booked.slot.start)) / 60_000 / 5;
    expect(blocks).toBe(6);
    expect(held).toEqual(["i", ...Array(2 * blocks).fill("p"), "pair", "t"]);
    // The booker's side is told, by the app and by mail in its own language.
    expect((await domestic.agent.get("/api/me/notifications").expect(200)).body[0]).toMatchObject({ kind: "meeting_booked" });
    const mail = await repos.outbox.listTo("domestic@ketnoi.demo");
    expect(mail.map((m) => m.subject)).toContain(`Đã xác nhận lịch gặp với ${booked.recipient.name}`);

    // The assigned interpreter sees it; another interpreter and a third company do not.
    const idsSeenBy = async (a: Agent) => (await a.agent.get("/api/meetings").expect(200)).body.map((m: { id: string }) => m.id);
    expect(await idsSeenBy(await interpreterSession(booked.interpreter.id))).toContain(booked.id);
    const otherInterpreter = await buildInterpreter(repos, { languages: ["ko", "en"], availableDays: [] }); // never assigned here
    expect(await idsSeenBy(await signInAs({ app, repos }, otherInterpreter.user))).not.toContain(booked.id);
    const third = await buildFirm({ app, repos });
    expect(await idsSeenBy(third)).not.toContain(booked.id);
    await third.agent.get(`/api/meetings/${booked.id}`).expect(404);
    await cancel(domestic, booked.id).expect(200);
  });

  test("counter-proposal, then the requester accepts it; declines free the pair", async () => {
    const req = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId }).expect(201)).body;
    const countered = (
      await vendor.agent.post(`/api/meetings/${req.id}/counter`).set(vendor.csrf).send({ slot: "d2s03", message: "Afternoon is better" }).expect(200)
    ).body;
    expect(countered).toMatchObject({
      status: "countered",
      proposal: { slot: { id: fairIso(2, "09:30") }, by: vendorId },
      note: "Afternoon is better",
    });
    await vendor.agent.post(`/api/meetings/${req.id}/accept`).set(vendor.csrf).send({}).expect(409); // not its turn now
    const booked = (await domestic.agent.post(`/api/meetings/${req.id}/accept`).set(domestic.csrf).send({}).expect(200)).body;
    expect(booked).toMatchObject({ status: "booked", slot: { id: fairIso(2, "09:30") } });
    expect(booked.note).toBeUndefined();
    // Cancelled without words: the counter-proposal's message is not shown as the reason.
    expect((await cancel(vendor, req.id).expect(200)).body.note).toBeUndefined();

    const second = (await vendor.agent.post("/api/meetings").set(vendor.csrf).send({ with: domesticId }).expect(201)).body;
    const declined = (
      await domestic.agent
        .post(`/api/meetings/${second.id}/decline`)
        .set(domestic.csrf)
        .send({ reason: "no_time", note: "Our line is full until March" })
        .expect(200)
    ).body;
    expect(declined).toMatchObject({ status: "declined", declineReason: "no_time", note: "Our line is full until March" });
    // The side that asked reads the same words.
    expect((await vendor.agent.get(`/api/meetings/${second.id}`).expect(200)).body.note).toBe("Our line is full until March");
    expect(await db.models.Reservation.countDocuments({ meetingId: second.id })).toBe(0);
    await domestic.agent.post(`/api/meetings/${second.id}/accept`).set(domestic.csrf).send({ slot: "d1s05" }).expect(409);
  });

  test("unanswered requests expire and never block: the pair is freed", async () => {
    const req = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId }).expect(201)).body;
    clock.now = new Date(FIXED_NOW.getTime() + 73 * 3600_000);
    expect((await vendor.agent.get(`/api/meetings/${req.id}`).expect(200)).body.status).toBe("expired");
    const late = await vendor.agent
      .post(`/api/meetings/${req.id}/accept`)
      .set({ ...vendor.csrf, "Accept-Language": "ja" })
      .send({ slot: "d1s06" })
      .expect(409);
    expect(late.body.error.fields.status).toBe("この依頼は期限切れです。");
    const ctx = createMeetingContext(repos, silentLogger(), "http://localhost:8080", { now });
    expect(await expireRequests(ctx)).toBe(1);
    expect((await repos.meetings.findById(req.id))!.status).toBe("expired");
    expect(await db.models.Reservation.countDocuments({ meetingId: req.id })).toBe(0);
    expect((await domestic.agent.get("/api/me/notifications").expect(200)).body[0]).toMatchObject({ kind: "meeting_expired", meetingId: req.id });
  });

  test("many firms booking the vendor's same slot at once, through two api processes: exactly one wins, the rest get 409 with alternatives", async () => {
    // A second api process: its own connection pool to the same database, its own Express app.
    const other = await connectDatabase(`${stack.mongodbUrl()}/${db.connection.name}`);
    const appB = buildTestApp(other, { now }).app;
    const firms = [];
    const agents = [];
    for (let i = 0; i < 12; i++) {
      const firm = await buildCompany(repos);
      const owner = await buildUser(repos, { companyId: firm.id, locale: "en" });
      firms.push(firm);
      agents.push(await signIn(i % 2 ? appB : app, owner.email, FACTORY_PASSWORD));
    }
    const results = await Promise.all(
      agents.map((a) =>
        a.agent
          .post("/api/meetings")
          .set({ ...a.csrf, "Accept-Language": "en" })
          .send({ with: vendorId, slot: "d1s07", mode: "either" }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(agents.length - 1);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.error.fields.slot).toBe("The invited company already has a meeting in this slot.");
    expect(refused.body.error.alternatives.length).toBeGreaterThan(0);
    expect(refused.body.error.alternatives.map((s: { id: string }) => s.id)).not.toContain(fairIso(1, "11:30"));
    // The database agrees: one booked meeting in that slot, one claim on the vendor's time, nothing left by the losers.
    const start = fairTime(1, "11:30");
    expect(await db.models.Meeting.countDocuments({ parties: vendorId, status: "booked", startsAt: start })).toBe(1);
    const loserIds = new Set(firms.map((f) => f.id));
    const claims = (await db.models.Reservation.find().lean()).map((r) => String(r._id));
    expect(claims.filter((k) => k.startsWith(`p:${vendorId}:`) && k.endsWith(String(start.getTime() / 60_000)))).toHaveLength(1);
    expect(await db.models.Meeting.countDocuments({ requesterId: { $in: [...loserIds] } })).toBe(1);
    await other.close();
  });

  test("moving a meeting keeps its calendar UID and raises SEQUENCE; cancelling publishes it as CANCELLED; the feed URL opens only that feed", async () => {
    const booked = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId, slot: "d1s09" }).expect(201)).body;
    expect(booked).toMatchObject({ status: "booked", source: "booking", sequence: 0 });
    const feed = (await vendor.agent.post("/api/me/calendar-feed").set(vendor.csrf).send({}).expect(201)).body.url as string;
    const path = new URL(feed).pathname;
    const uid = `UID:meeting-${booked.id}@ketnoi`;
    const first = eventOf(
      (
        await request(app)
          .get(path)
          .expect(200)
          .expect("Content-Type", /text\/calendar/)
      ).text,
      uid,
    ).text;
    const icsTime = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d+/, "");
    expect(first).toContain(`DTSTART:${icsTime(booked.slot.start)}`);
    expect(first).toContain("SEQUENCE:0");
    expect(first).toContain("商談"); // the vendor's user reads Japanese

    const moved = (await vendor.agent.post(`/api/meetings/${booked.id}/reschedule`).set(vendor.csrf).send({ slot: "d1s10" }).expect(200)).body;
    expect(moved).toMatchObject({ status: "booked", slot: { id: fairIso(1, "14:30") }, sequence: 1 });
    const feedAfterMove = eventOf((await request(app).get(path).expect(200)).text, uid);
    expect(feedAfterMove.count).toBe(1); // one event, replaced, not duplicated
    const second = feedAfterMove.text;
    expect(second).toContain("SEQUENCE:1");
    expect(second).toContain(`DTSTART:${icsTime(moved.slot.start)}`);
    // The old slot is free again; the new one is held.
    expect(await db.models.Reservation.countDocuments({ _id: `p:${vendorId}:${new Date(booked.slot.start).getTime() / 60_000}` })).toBe(0);
    expect(await db.models.Reservation.countDocuments({ _id: `p:${vendorId}:${new Date(moved.slot.start).getTime() / 60_000}` })).toBe(1);

    const download = await domestic.agent.get("/api/me/agenda.ics").expect(200);
    expect(download.headers["content-disposition"]).toContain("ketnoi-agenda.ics");
    expect(download.text).toContain(uid);

    const cancelled = (
      await domestic.agent.post(`/api/meetings/${booked.id}/cancel`).set(domestic.csrf).send({ note: "Our director cannot travel" }).expect(200)
    ).body;
    expect((await vendor.agent.get(`/api/meetings/${cancelled.id}`).expect(200)).body).toMatchObject({
      status: "cancelled",
      note: "Our director cannot travel",
    });
    const mail = (await repos.outbox.listTo("vendor@ketnoi.demo")).find(
      (m) => m.template === "meeting_cancelled" && m.text.includes(`/meetings/${booked.id}`),
    )!;
    expect(mail.text).toContain("メモ: “Our director cannot travel”"); // the vendor's user reads Japanese
    const third = eventOf((await request(app).get(path).expect(200)).text, uid).text;
    expect(third).toContain("STATUS:CANCELLED");
    expect(third).toContain("SEQUENCE:2");

    // A new feed URL replaces the old one; made-up tokens open nothing.
    await vendor.agent.post("/api/me/calendar-feed").set(vendor.csrf).send({}).expect(201);
    await request(app).get(path).expect(404);
    await request(app).get("/api/calendar/not-a-token.ics").expect(404);
  });

  test("the QR code at the table records the meeting as held; each side records its outcome; no-shows are recorded", async () => {
    const booked = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId, slot: "d2s01", mode: "onsite" }).expect(201))
      .body;
    const qr = await domestic.agent
      .get(`/api/meetings/${booked.id}/check-in-code`)
      .expect(200)
      .expect("Content-Type", /image\/svg\+xml/);
    expect(qr.body.toString()).toContain("<svg");
    const code = (await db.models.Meeting.findById(booked.id).lean())!.checkInCode;
    // The same address as JSON, for the client to draw the code (offline too); never kept in the HTTP cache.
    const link = await domestic.agent.get(`/api/meetings/${booked.id}/check-in-link`).expect(200).expect("Cache-Control", "private, no-store");
    expect(link.body).toEqual({ url: `${TEST_ORIGIN}/check-in/${booked.id}?code=${code}` });
    await vendor.agent.get(`/api/meetings/${booked.id}/check-in-link`).expect(200);
    // Too early, wrong code, then the organiser's desk scans it at the table (sessions signed in at the fair).
    clock.now = fairTime(1, "17:00");
    const [organiserAtFair, domesticAtFair, vendorAtFair] = await Promise.all(
      ["organiser", "domestic", "vendor"].map((r) => signIn(app, `${r}@ketnoi.demo`, DEMO_PASSWORD)),
    );
    // Too early says when check-in opens (15 minutes before the 08:30 start), in the reader's language
    // and zone, with Hanoi's time beside a Tokyo reader's; the day before, with the date.
    const tooEarly = async (who: Agent, lang: string) =>
      (await who.agent.post(`/api/meetings/${booked.id}/check-in`).set(who.csrf).set("Accept-Language", lang).send({ code }).expect(409)).body.error
        .fields.meeting as string;
    const dayBefore = await tooEarly(organiserAtFair!, "en");
    expect(dayBefore).toMatch(/^Check-in opens at [A-Z][a-z]{2} \d{1,2}, 8:15\sAM, 15 minutes before the meeting\.$/);
    clock.now = fairTime(2, "07:00");
    expect(await tooEarly(organiserAtFair!, "en")).toMatch(/^Check-in opens at 8:15\sAM, 15 minutes before the meeting\.$/);
    expect(await tooEarly(organiserAtFair!, "vi")).toBe("Chưa đến giờ nhận bàn: mở lúc 8:15, 15 phút trước giờ gặp.");
    expect(await tooEarly(vendorAtFair!, "ja")).toBe("チェックインは10:15（ハノイ時間 8:15）から可能です（商談開始の15分前）。");
    clock.now = fairTime(2, "08:25");
    await organiserAtFair!.agent
      .post(`/api/meetings/${booked.id}/check-in`)
      .set(organiserAtFair!.csrf)
      .send({ code: "x".repeat(24) })
      .expect(400);
    await vendorAtFair!.agent.post(`/api/meetings/${booked.id}/outcome`).set(vendorAtFair!.csrf).send({ outcome: "samples" }).expect(409); // not started
    const held = (await organiserAtFair!.agent.post(`/api/meetings/${booked.id}/check-in`).set(organiserAtFair!.csrf).send({ code }).expect(200))
      .body;
    expect(held).toMatchObject({ status: "held", checkedInAt: fairIso(2, "08:25") });
    clock.now = fairTime(2, "09:00");
    await domesticAtFair!.agent
      .post(`/api/meetings/${booked.id}/outcome`)
      .set(domesticAtFair!.csrf)
      .send({ outcome: "quotation_requested" })
      .expect(200);
    await vendorAtFair!.agent.post(`/api/meetings/${booked.id}/outcome`).set(vendorAtFair!.csrf).send({ outcome: "follow_up" }).expect(200);
    const after = (
      await vendorAtFair!.agent
        .post(`/api/meetings/${booked.id}/outcome`)
        .set(vendorAtFair!.csrf)
        .send({ outcome: "mou_signed", note: "MoU on stamping dies" })
        .expect(200)
    ).body;
    expect(after.outcomes).toEqual({ [domesticId]: "quotation_requested", [vendorId]: "mou_signed" });
    await organiserAtFair!.agent.post(`/api/meetings/${booked.id}/outcome`).set(organiserAtFair!.csrf).send({ outcome: "nda" }).expect(403);

    // Another meeting where the vendor does not come: the domestic side reports it (not itself).
    const other = await buildCompany(repos, { kind: "foreign" });
    clock.now = fairTime(2, "09:30");
    const m2 = (
      await domesticAtFair!.agent.post("/api/meetings").set(domesticAtFair!.csrf).send({ with: other.id, slot: "d2s04", mode: "online" }).expect(201)
    ).body;
    clock.now = fairTime(2, "10:10");
    await domesticAtFair!.agent.post(`/api/meetings/${m2.id}/no-show`).set(domesticAtFair!.csrf).send({ absent: domesticId }).expect(400);
    const noShow = (
      await domesticAtFair!.agent.post(`/api/meetings/${m2.id}/no-show`).set(domesticAtFair!.csrf).send({ absent: other.id }).expect(200)
    ).body;
    expect(noShow).toMatchObject({ status: "no_show", absent: [other.id] });
    // At the desk an organiser may report either side, here the one that booked.
    const m3 = (
      await vendorAtFair!.agent.post("/api/meetings").set(vendorAtFair!.csrf).send({ with: domesticId, slot: "d2s05", mode: "online" }).expect(201)
    ).body;
    clock.now = fairTime(2, "10:40");
    const requesterAbsent = (
      await organiserAtFair!.agent.post(`/api/meetings/${m3.id}/no-show`).set(organiserAtFair!.csrf).send({ absent: vendorId }).expect(200)
    ).body;
    expect(requesterAbsent).toMatchObject({ status: "no_show", absent: [vendorId] });
  });

  test("reminders go out once per meeting, in the app and by mail, before it starts", async () => {
    const booked = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId, slot: "d2s08" }).expect(201)).body;
    const ctx = createMeetingContext(repos, silentLogger(), "http://localhost:8080", { now, settings: { requestTtlHours: 72, reminderMinutes: 15 } });
    clock.now = new Date(new Date(booked.slot.start).getTime() - 20 * 60_000);
    expect(await sendReminders(ctx)).toBe(0);
    clock.now = new Date(new Date(booked.slot.start).getTime() - 10 * 60_000);
    expect(await sendReminders(ctx)).toBe(1);
    expect(await sendReminders(ctx)).toBe(0);
    const vendorAtFair = await signIn(app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const notes = (await vendorAtFair.agent.get("/api/me/notifications").expect(200)).body;
    expect(notes.filter((n: { kind: string; meetingId: string }) => n.kind === "meeting_reminder" && n.meetingId === booked.id)).toHaveLength(1);
    const mail = await repos.outbox.listTo("vendor@ketnoi.demo");
    expect(mail.filter((m) => m.subject.startsWith("まもなく"))).toHaveLength(1);
    expect(mail.find((m) => m.subject.startsWith("まもなく"))!.text).toMatch(/GMT\+9|JST/); // the reader's zone, the fair's beside it
    clock.now = FIXED_NOW;
    await cancel(vendor, booked.id).expect(200);
  });

  test("scarce tables: of eight simultaneous onsite bookings of different pairs, exactly the two with a free table win, each at its own", async () => {
    const fair = (await db.models.Fair.findOne().lean())!;
    // Eight pairs that share English (no interpreter needed: tables are the only thing they compete for).
    const agents = [];
    const vendors: { id: string }[] = [];
    for (let i = 0; i < 8; i++) {
      agents.push(await buildFirm({ app, repos }));
      vendors.push(await buildCompany(repos, { kind: "foreign" }));
    }
    const slots = (await agents[0]!.agent.get(`/api/meetings/slots?with=${vendors[0]!.id}`).expect(200)).body as { id: string; start: string }[];
    const start = new Date(slots.find((s) => s.id === fairIso(2, "14:30"))!.start);
    // Room for exactly two more meetings then: the tables up to the second free one, whatever is booked there already.
    const taken = new Set((await db.models.Meeting.find({ status: "booked", startsAt: start, mode: "onsite" }).lean()).map((m) => m.table!));
    const free = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((n) => !taken.has(n)).slice(0, 2);
    await db.models.Fair.updateOne({ _id: fair._id }, { $set: { onsiteTables: free[1]! } });
    const results = await Promise.all(
      agents.map((a, i) => a.agent.post("/api/meetings").set(a.csrf).send({ with: vendors[i]!.id, slot: "d2s10", mode: "onsite" })),
    );
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(6);
    expect(won.map((r) => r.body.table as number).sort(byNumber)).toEqual(free);
    expect(won.map((r) => r.body.interpreter)).toEqual([undefined, undefined]);
    // The database agrees: two more meetings in that slot, at the two tables that were free.
    const booked = await db.models.Meeting.find({ status: "booked", startsAt: start, mode: "onsite" }).lean();
    expect(booked.map((m) => m.table!).sort(byNumber)).toEqual([...taken, ...free].map(Number).sort(byNumber));
    await db.models.Fair.updateOne({ _id: fair._id }, { $set: { onsiteTables: fair.onsiteTables } });
  });

  test("bad input gets field errors in the reader's language; strangers see nothing", async () => {
    const bad = await domestic.agent
      .post("/api/meetings")
      .set({ ...domestic.csrf, "Accept-Language": "en" })
      .send({ with: "nope", slot: "tomorrow", extra: 1 })
      .expect(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["extra", "slot", "with"]);
    await domestic.agent
      .post("/api/meetings")
      .set(domestic.csrf)
      .send({ with: { $gt: "" } })
      .expect(400);
    await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: domesticId }).expect(400);
    const unknownSlot = await domestic.agent
      .post("/api/meetings")
      .set({ ...domestic.csrf, "Accept-Language": "ko" })
      .send({ with: vendorId, slot: "d9s99" })
      .expect(400);
    expect(unknownSlot.body.error.fields.slot).toBe("박람회 일정에 없는 시간대입니다.");
    // A table with a remote side is a wrong request (400), not a full room (409).
    const remote = await buildCompany(repos, { kind: "foreign", participation: "remote" });
    const onsite = await domestic.agent
      .post("/api/meetings")
      .set({ ...domestic.csrf, "Accept-Language": "en" })
      .send({ with: remote.id, mode: "onsite" })
      .expect(400);
    expect(onsite.body.error.fields.mode).toBe("One side takes part remotely: this meeting can only be online.");
    const fairId = (await db.models.Fair.findOne().lean())!._id.toHexString();
    expect(await db.models.Reservation.countDocuments({ _id: reservationKeys.pair(fairId, domesticId, vendorId) })).toBe(0);

    const m = await buildMeeting(domestic, { with: vendorId });
    const stranger = await buildFirm({ app, repos });
    await stranger.agent.get(`/api/meetings/${m.id}`).expect(404);
    await stranger.agent.post(`/api/meetings/${m.id}/cancel`).set(stranger.csrf).send({}).expect(404);
    await stranger.agent.post(`/api/meetings/${m.id}/decline`).set(stranger.csrf).send({ reason: "other" }).expect(404);
    await request(app).get(`/api/meetings/${m.id}`).expect(401);
    await cancel(domestic, m.id).expect(200);
  });

  test("an unlisted firm shows its card to the firms it asks, who can answer it; to no one else", async () => {
    const stranger = await buildFirm({ app, repos });
    const quiet = await buildFirm({ app, repos }, { company: { listed: false } });
    const firm = quiet.company;
    const firmId = firm.id;
    await vendor.agent.get(`/api/companies/${firmId}`).expect(404);
    await vendor.agent.get(`/api/meetings/slots?with=${firmId}`).expect(404);
    await vendor.agent.post("/api/meetings").set(vendor.csrf).send({ with: firmId }).expect(404);

    const req = (await quiet.agent.post("/api/meetings").set(quiet.csrf).send({ with: vendorId, message: "Servo presses" }).expect(201)).body;
    const card = (await vendor.agent.get(`/api/companies/${firmId}`).expect(200)).body;
    expect(card).toMatchObject({ id: firmId, legalName: firm.legalName });
    expect(card.taxCode).toBeUndefined(); // the card, not the private profile
    await vendor.agent.get(`/api/companies/${firmId}/attachments`).expect(200);
    const slots = (await vendor.agent.get(`/api/meetings/slots?with=${firmId}`).expect(200)).body as { id: string }[];
    expect(slots.length).toBeGreaterThan(0);
    const booked = (await vendor.agent.post(`/api/meetings/${req.id}/accept`).set(vendor.csrf).send({ slot: slots[0]!.id }).expect(200)).body;
    expect(booked).toMatchObject({ status: "booked", slot: { id: slots[0]!.id } });

    // Nobody outside the meeting sees the card.
    await request(app).get(`/api/companies/${firmId}`).expect(404);
    await stranger.agent.get(`/api/companies/${firmId}`).expect(404);
    await stranger.agent.get(`/api/meetings/slots?with=${firmId}`).expect(404);
    await stranger.agent.post("/api/meetings").set(stranger.csrf).send({ with: firmId }).expect(404);
    await cancel(vendor, booked.id).expect(200);
    // Having met, the vendor may ask the firm again.
    await cancel(vendor, (await vendor.agent.post("/api/meetings").set(vendor.csrf).send({ with: firmId }).expect(201)).body.id).expect(200);
  });

  test("when the organiser shortens the day, displaced meetings move to the nearest free slot, or are cancelled with notice", async () => {
    const early = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId, slot: "d1s01" }).expect(201)).body;
    // A second pair at the same hour, one of whom has no other free slot: it cannot be moved.
    const xAgent = await buildFirm({ app, repos }, { company: { languages: ["vi"] }, owner: { locale: "en" } });
    const [x, y] = [xAgent.company, await buildCompany(repos, { languages: ["vi"] })];
    const stuck = await buildMeeting(xAgent, { with: y.id, slot: "d1s01" });
    // X blocks every slot but the first (08:30 on day 1): 27 slots, held by their starts.
    const everyOther = fairSlots(demoFairSetup(DEMO_DAYS))
      .slice(1)
      .map((s) => s.start);
    expect(everyOther).toHaveLength(27);
    await repos.companies.setBlockedSlots(x.id, everyOther);

    const { slug: _slug, ...setup } = demoFairSetup(DEMO_DAYS);
    const res = await organiser.agent
      .put("/api/fairs/cnht-hanoi-2026")
      .set(organiser.csrf)
      .send({ ...setup, dailyHours: { start: "09:00", end: "17:00" } })
      .expect(200);
    expect(res.body.replanned).toEqual({ moved: 1, cancelled: 1 });
    const moved = (await domestic.agent.get(`/api/meetings/${early.id}`).expect(200)).body;
    expect(moved).toMatchObject({ status: "booked", sequence: 1, slot: { start: fairIso(1, "09:00") } });
    // The parties read why: the fair changed (not a side's decision).
    expect((await xAgent.agent.get(`/api/meetings/${stuck.id}`).expect(200)).body).toMatchObject({
      status: "cancelled",
      sequence: 1,
      cancelReason: "fair_change",
    });
    expect(await db.models.Reservation.countDocuments({ meetingId: stuck.id })).toBe(0);
    const told = await repos.outbox.listTo(xAgent.owner.email);
    expect(told.map((m) => m.template)).toContain("meeting_cancelled");
    expect(told.find((m) => m.template === "meeting_cancelled")!.text).toContain(
      "The fair's schedule changed and no slot both sides had free was left.",
    );
    expect(
      (await vendor.agent.get("/api/me/notifications").expect(200)).body.map((n: { kind: string; meetingId: string }) => `${n.kind}:${n.meetingId}`),
    ).toContain(`meeting_rescheduled:${early.id}`);
    // X's blocks keep their times: 09:00, the new first slot, is still blocked, and so is every other slot of the new hours.
    const xSlots = (await xAgent.agent.get(`/api/companies/${x.id}/availability`).expect(200)).body.slots as { id: string; reason?: string }[];
    expect(xSlots).toHaveLength(26); // 09:00 to 17:00 less lunch: 13 slots a day
    expect(xSlots[0]).toMatchObject({ id: fairIso(1, "09:00"), reason: "blocked" });
    expect(xSlots.filter((s) => s.reason !== "blocked")).toEqual([]);
    await organiser.agent.put("/api/fairs/cnht-hanoi-2026").set(organiser.csrf).send(setup).expect(200);
    await cancel(domestic, early.id).expect(200);
  });
});
