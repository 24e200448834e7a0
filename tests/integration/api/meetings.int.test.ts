import request from "supertest";
import { DEMO_PASSWORD, seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { buildTestApp, FIXED_NOW, signIn } from "../../support/app";
import { freshDatabase, silentLogger, stack } from "../../support/stack";
import { connectDatabase } from "../../../api/src/db/connection";
import { createMeetingContext } from "../../../api/src/http/app";
import { expireRequests, sendReminders } from "../../../api/src/commands/meetings/maintenance";

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
    await seedDemoFair(repos);
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

  const cancel = (a: Agent, id: string) => a.agent.post(`/api/meetings/${id}/cancel`).set(a.csrf).send({});

  test("a request holds nothing, is answered by the other side, and booking assigns a table and an interpreter", async () => {
    const req = await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId, message: "Servo presses", mode: "onsite" }).expect(201);
    expect(req.body).toMatchObject({ status: "requested", source: "request", requester: { companyId: domesticId }, recipient: { companyId: vendorId } });
    expect(new Date(req.body.expiresAt).getTime()).toBe(FIXED_NOW.getTime() + 72 * 3600_000);
    expect(await db.models.Reservation.countDocuments({ meetingId: req.body.id })).toBe(1); // the pair only: no time held

    // A second request for the same pair is refused while this one is open.
    const again = await vendor.agent.post("/api/meetings").set({ ...vendor.csrf, "Accept-Language": "en" }).send({ with: domesticId }).expect(409);
    expect(again.body.error.fields.with).toBe("These two companies already have a meeting or an open request.");
    // The requester cannot answer its own request; the recipient must pick a slot.
    await domestic.agent.post(`/api/meetings/${req.body.id}/accept`).set(domestic.csrf).send({ slot: "d1s02" }).expect(409);
    await vendor.agent.post(`/api/meetings/${req.body.id}/accept`).set(vendor.csrf).send({}).expect(400);

    const vendorNotes = (await vendor.agent.get("/api/me/notifications").expect(200)).body;
    expect(vendorNotes[0]).toMatchObject({ kind: "meeting_requested", meetingId: req.body.id, read: false });

    const booked = (await vendor.agent.post(`/api/meetings/${req.body.id}/accept`).set(vendor.csrf).send({ slot: "d1s02" }).expect(200)).body;
    expect(booked).toMatchObject({ status: "booked", mode: "onsite", slot: { id: "d1s02", start: "2026-12-10T02:00:00.000Z" }, languages: ["vi", "ja"] });
    expect(booked.table).toBeGreaterThanOrEqual(1);
    expect(booked.interpreter.languages).toEqual(expect.arrayContaining(["vi", "ja"]));
    expect(booked.expiresAt).toBeUndefined();
    const held = (await db.models.Reservation.find({ meetingId: booked.id }).lean()).map((r) => String(r._id).split(":")[0]).sort();
    expect(held).toEqual(["i", "p", "p", "pair", "t"]);
    // The booker's side is told, by the app and by mail in its own language.
    expect((await domestic.agent.get("/api/me/notifications").expect(200)).body[0]).toMatchObject({ kind: "meeting_booked" });
    const mail = await repos.outbox.listTo("domestic@ketnoi.demo");
    expect(mail.map((m) => m.subject)).toContain(`Đã xác nhận lịch gặp với ${booked.recipient.name}`);

    // The assigned interpreter sees it; a third company does not.
    const interpreter = await signIn(app, "interpreter@ketnoi.demo", DEMO_PASSWORD);
    const assigned = (await interpreter.agent.get("/api/meetings").expect(200)).body.map((m: { id: string }) => m.id);
    expect(assigned.includes(booked.id)).toBe(booked.interpreter.name === (await db.models.Interpreter.findOne({ userId: interpreter.session.user.id }).lean())?.name);
    await cancel(domestic, booked.id).expect(200);
  });

  test("counter-proposal, then the requester accepts it; declines free the pair", async () => {
    const req = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId }).expect(201)).body;
    const countered = (await vendor.agent.post(`/api/meetings/${req.id}/counter`).set(vendor.csrf).send({ slot: "d2s03", message: "Afternoon is better" }).expect(200)).body;
    expect(countered).toMatchObject({ status: "countered", proposal: { slot: { id: "d2s03" }, by: vendorId } });
    await vendor.agent.post(`/api/meetings/${req.id}/accept`).set(vendor.csrf).send({}).expect(409); // not its turn now
    const booked = (await domestic.agent.post(`/api/meetings/${req.id}/accept`).set(domestic.csrf).send({}).expect(200)).body;
    expect(booked).toMatchObject({ status: "booked", slot: { id: "d2s03" } });
    await cancel(vendor, req.id).expect(200);

    const second = (await vendor.agent.post("/api/meetings").set(vendor.csrf).send({ with: domesticId }).expect(201)).body;
    const declined = (await domestic.agent.post(`/api/meetings/${second.id}/decline`).set(domestic.csrf).send({ reason: "no_time" }).expect(200)).body;
    expect(declined).toMatchObject({ status: "declined", declineReason: "no_time" });
    expect(await db.models.Reservation.countDocuments({ meetingId: second.id })).toBe(0);
    await domestic.agent.post(`/api/meetings/${second.id}/accept`).set(domestic.csrf).send({ slot: "d1s05" }).expect(409);
  });

  test("unanswered requests expire and never block: the pair is freed", async () => {
    const req = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId }).expect(201)).body;
    clock.now = new Date(FIXED_NOW.getTime() + 73 * 3600_000);
    expect((await vendor.agent.get(`/api/meetings/${req.id}`).expect(200)).body.status).toBe("expired");
    const late = await vendor.agent.post(`/api/meetings/${req.id}/accept`).set({ ...vendor.csrf, "Accept-Language": "ja" }).send({ slot: "d1s06" }).expect(409);
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
    const firms = await db.models.Company.find({ kind: "domestic", status: { $ne: "pending" }, _id: { $ne: domesticId } }).limit(12).lean();
    const agents = [];
    for (const [i, firm] of firms.entries()) {
      const email = `booker${i}@example.vn`;
      await repos.users.create({ email, name: `Booker ${i}`, role: "domestic", companyId: firm._id.toHexString(), companyRole: "owner", locale: "en", timeZone: "Asia/Ho_Chi_Minh", consents: [], passwordHash: (await db.models.User.findOne({ email: "domestic@ketnoi.demo" }).lean())!.passwordHash });
      await db.models.Company.updateOne({ _id: firm._id }, { $set: { blockedSlots: [] } });
      agents.push(await signIn(i % 2 ? appB : app, email, DEMO_PASSWORD));
    }
    const results = await Promise.all(agents.map((a) => a.agent.post("/api/meetings").set({ ...a.csrf, "Accept-Language": "en" }).send({ with: vendorId, slot: "d1s07", mode: "either" })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(agents.length - 1);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.error.fields.slot).toBe("The invited company already has a meeting in this slot.");
    expect(refused.body.error.alternatives.length).toBeGreaterThan(0);
    expect(refused.body.error.alternatives.map((s: { id: string }) => s.id)).not.toContain("d1s07");
    // The database agrees: one booked meeting in that slot, one claim on the vendor's time, nothing left by the losers.
    const start = new Date("2026-12-10T04:30:00.000Z");
    expect(await db.models.Meeting.countDocuments({ parties: vendorId, status: "booked", startsAt: start })).toBe(1);
    const loserIds = new Set(firms.map((f) => f._id.toHexString()));
    const claims = (await db.models.Reservation.find().lean()).map((r) => String(r._id));
    expect(claims.filter((k) => k.startsWith(`p:${vendorId}:`) && k.endsWith(String(start.getTime() / 60_000)))).toHaveLength(1);
    expect(await db.models.Meeting.countDocuments({ requesterId: { $in: [...loserIds] } })).toBe(1);
    await other.close();
  });
});
