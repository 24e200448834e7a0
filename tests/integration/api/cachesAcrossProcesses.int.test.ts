import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { buildTestApp, useSeededApp } from "../../support/app";
import type { Database } from "../../../api/src/db/connection";
import { connectAgain } from "../../support/stack";
import { FIXED_NOW, fairIso } from "../../support/clock";

type App = ReturnType<typeof buildTestApp>["app"];
type Slot = { id: string; available: boolean; reason?: string };

/**
 * Each api process keeps the records every booking and agenda reads (firms, events, their
 * interpreters and programme, each firm's members) while their revision stands. A change made on one
 * process, or written to the database by anyone, is what the other process answers at its very next
 * request: each process here has been asked first, so it holds the old copy when the change comes.
 */
describe.each(["database", "redis"] as const)("records kept per process, changed on another (revisions in the %s)", (revisionsIn) => {
  const t = useSeededApp(`caches-across-${revisionsIn}`, { revisionsIn });
  let otherDb: Database;
  let other: App;
  // The other process: its own connection (and Redis client), its own caches.
  beforeAll(async () => {
    otherDb = await connectAgain(t.db, revisionsIn);
    other = buildTestApp(otherDb, { now: () => FIXED_NOW }).app;
  });
  afterAll(() => otherDb.close());

  /** Signs in on the first process; the cookie works on both (one database). */
  const login = async (email: string) => {
    const res = await request(t.app).post("/api/auth/login").send({ email, password: DEMO_PASSWORD }).expect(200);
    const cookie = String(res.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
    return { cookie, csrf: res.body.csrfToken as string, companyId: res.body.user.companyId as string };
  };
  type Login = Awaited<ReturnType<typeof login>>;
  const get = (app: App, who: Login, path: string) => request(app).get(path).set("Cookie", who.cookie);
  const send = (app: App, who: Login, method: "post" | "put", path: string, body: object) =>
    request(app)[method](path).set("Cookie", who.cookie).set("X-CSRF-Token", who.csrf).send(body);
  const blockedOf = async (app: App, who: Login, companyId: string) =>
    ((await get(app, who, `/api/companies/${companyId}/availability`).expect(200)).body.slots as Slot[])
      .filter((s) => !s.available)
      .map((s) => `${s.id}:${s.reason}`);

  test("a firm's free times changed on one process are what the other shows and books", async () => {
    const firm = await login("domestic@ketnoi.demo");
    const vendor = await login("vendor@ketnoi.demo");
    const organiser = await login("organiser@ketnoi.demo");
    expect(await blockedOf(other, organiser, vendor.companyId)).not.toContain(`${fairIso(1, "14:00")}:blocked`);
    await send(t.app, vendor, "put", `/api/companies/${vendor.companyId}/availability`, { blocked: [fairIso(1, "14:00")] }).expect(204);
    expect(await blockedOf(other, organiser, vendor.companyId)).toContain(`${fairIso(1, "14:00")}:blocked`);
    const refused = await send(other, firm, "post", "/api/meetings", { with: vendor.companyId, slot: fairIso(1, "14:00"), mode: "either" });
    expect(refused.status).toBe(409);
  });

  test("a firm changed in the database past the api (a script) is seen at the next request", async () => {
    const organiser = await login("organiser@ketnoi.demo");
    const vendor = (await t.db.models.Company.findOne({ country: "DE" }).lean())!._id.toHexString();
    expect(await blockedOf(other, organiser, vendor)).toEqual([]);
    await t.db.models.Company.updateOne({ _id: vendor }, { $set: { blockedSlots: [new Date(fairIso(2, "09:00"))] } });
    expect(await blockedOf(other, organiser, vendor)).toEqual([`${fairIso(2, "09:00")}:blocked`]);
  });

  test("a session a firm registers for on one process makes it busy then on the other", async () => {
    const firm = await login("domestic@ketnoi.demo");
    expect((await blockedOf(other, firm, firm.companyId)).filter((s) => s.endsWith(":session"))).toEqual([]);
    const seminar = await t.db.models.FairSession.findOne({ kind: "seminar", "room.vi": "Phòng hội thảo 1" }).sort({ startsAt: 1 }).lean();
    await send(t.app, firm, "post", `/api/fair-sessions/${seminar!._id}/registrations`, {}).expect(201);
    expect((await blockedOf(other, firm, firm.companyId)).filter((s) => s.endsWith(":session"))).toEqual([
      `${fairIso(1, "09:30")}:session`,
      `${fairIso(1, "10:00")}:session`,
      `${fairIso(1, "10:30")}:session`,
    ]);
  });

  test("an event's set-up and interpreters changed on one process are what the other answers", async () => {
    const organiser = await login("organiser@ketnoi.demo");
    const tables = async () => (await get(other, organiser, "/api/fairs/current").expect(200)).body.onsiteTables as number;
    const interpreters = async () =>
      ((await get(other, organiser, "/api/interpreters").expect(200)).body.data as { name: string }[]).map((i) => i.name);
    const before = await tables();
    expect(await interpreters()).not.toContain("Lý Thu Trang");
    await t.db.models.Fair.updateOne({}, { $set: { onsiteTables: before + 7 } });
    expect(await tables()).toBe(before + 7);
    await send(t.app, organiser, "post", "/api/interpreters", { name: "Lý Thu Trang", languages: ["vi", "ko"], availableDays: [] }).expect(201);
    expect(await interpreters()).toContain("Lý Thu Trang");
  });

  test("a meeting booked, then cancelled, on one process is in both firms' agendas on the other at their next look", async () => {
    const firm = await login("domestic@ketnoi.demo");
    const vendor = await login("vendor@ketnoi.demo");
    const agenda = async (who: Login) =>
      ((await get(other, who, "/api/meetings").expect(200)).body as { id: string; status: string }[]).map((m) => `${m.id}:${m.status}`);
    const [firmBefore, vendorBefore] = [await agenda(firm), await agenda(vendor)];
    const slots = (await get(t.app, firm, `/api/meetings/slots?with=${vendor.companyId}`).expect(200)).body as { id: string }[];
    const booked = await send(t.app, firm, "post", "/api/meetings", { with: vendor.companyId, slot: slots[6]!.id, mode: "either" }).expect(201);
    expect(await agenda(firm)).toEqual(expect.arrayContaining([...firmBefore, `${booked.body.id}:booked`]));
    expect(await agenda(vendor)).toEqual(expect.arrayContaining([...vendorBefore, `${booked.body.id}:booked`]));
    await send(t.app, vendor, "post", `/api/meetings/${booked.body.id}/cancel`, {}).expect(200);
    expect(await agenda(firm)).toContain(`${booked.body.id}:cancelled`);
    expect(await agenda(vendor)).toContain(`${booked.body.id}:cancelled`);
  });

  test("a member who joins a firm on one process is told when the other process cancels the firm's meeting", async () => {
    const firm = await login("domestic@ketnoi.demo");
    const vendor = await login("vendor@ketnoi.demo");
    const slots = (await get(other, firm, `/api/meetings/slots?with=${vendor.companyId}`).expect(200)).body as { id: string; available?: boolean }[];
    // A first booking on the other process: it reads the vendor's members as they are now.
    const booked = await send(other, firm, "post", "/api/meetings", { with: vendor.companyId, slot: slots[4]!.id, mode: "either" }).expect(201);
    const passwordHash = (await t.db.models.User.findOne({ email: "vendor@ketnoi.demo" }).lean())!.passwordHash;
    await t.repos.users.create({
      email: "newcomer@example.vn",
      name: "Người mới",
      role: "vendor",
      companyId: vendor.companyId,
      companyRole: "member",
      locale: "vi",
      timeZone: "Asia/Ho_Chi_Minh",
      consents: [],
      passwordHash,
    });
    await send(other, firm, "post", `/api/meetings/${booked.body.id}/cancel`, {}).expect(200);
    const newcomer = await login("newcomer@example.vn");
    const notices = (await get(t.app, newcomer, "/api/me/notifications").expect(200)).body as { kind: string }[];
    expect(notices.map((n) => n.kind)).toEqual(["meeting_cancelled"]);
  });
});
