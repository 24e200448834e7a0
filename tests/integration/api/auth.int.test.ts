import request from "supertest";
import { SessionViewSchema } from "@ketnoi/contracts";
import { seedDemoFair, DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { freshDatabase } from "../../support/stack";
import { buildTestApp, signIn, TEST_ORIGIN } from "../../support/app";
import { linkToken } from "../../support/registration";
import { FIXED_NOW } from "../../support/clock";

const ORGANISER = "organiser@ketnoi.demo";

function registration(overrides: Record<string, unknown> = {}) {
  return {
    email: "owner@cokhi-thanglong.vn",
    password: "mật khẩu đủ dài 2026",
    name: "Phạm Văn Toàn",
    role: "domestic",
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    company: { legalName: "Công ty TNHH Cơ khí Thăng Long Mới", taxCode: "0100101379", country: "VN", district: "Đông Anh" },
    consents: { personalData: true, profileSharing: true },
    ...overrides,
  };
}

describe("accounts: login, sessions, registration, verification, password reset", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let built: ReturnType<typeof buildTestApp>;
  let clock = FIXED_NOW;
  beforeAll(async () => {
    db = await freshDatabase("auth");
    built = buildTestApp(db, { now: () => clock });
    await seedDemoFair(built.repos, FIXED_NOW);
  });
  afterAll(() => db.drop());
  const app = () => built.app;
  const counts = async () => ({ users: await db.models.User.countDocuments(), companies: await db.models.Company.countDocuments() });

  test("login sets an httpOnly SameSite session cookie; logout revokes it server-side", async () => {
    const agent = request.agent(app());
    const login = await agent.post("/api/auth/login").send({ email: "Organiser@Ketnoi.demo", password: DEMO_PASSWORD }).expect(200);
    const session = SessionViewSchema.parse(login.body);
    expect(session.user.role).toBe("organiser");
    const cookie = String(login.headers["set-cookie"]);
    expect(cookie).toMatch(/ketnoi_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(JSON.stringify(login.body)).not.toMatch(/passwordHash|argon2/);

    await agent.get("/api/auth/session").expect(200);
    await agent.post("/api/auth/logout").set("X-CSRF-Token", session.csrfToken).expect(204);
    // Signed out is an answer, not an error (a browser logs every failed request): no user.
    expect((await agent.get("/api/auth/session").expect(200)).body).toEqual({ user: null });
    // The old cookie no longer works even if a client kept it.
    const stolen = cookie.split(";")[0]!;
    expect((await request(app()).get("/api/auth/session").set("Cookie", stolen).expect(200)).body).toEqual({ user: null });
    // Nor does it make a write: the session is gone.
    await request(app()).post("/api/auth/logout").set("Cookie", stolen).set("X-CSRF-Token", session.csrfToken).send({}).expect(401);
  });

  test("wrong passwords and unknown emails get the same 401", async () => {
    const wrong = await request(app()).post("/api/auth/login").send({ email: ORGANISER, password: "nope-nope-nope" }).expect(401);
    const unknown = await request(app()).post("/api/auth/login").send({ email: "nobody@example.vn", password: "nope-nope-nope" }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("invalid_credentials");
  });

  test("five failures lock the account for 15 minutes, even for the right password", async () => {
    const email = "interpreter@ketnoi.demo";
    for (let i = 0; i < 5; i++)
      await request(app())
        .post("/api/auth/login")
        .send({ email, password: `wrong-${i}-password` })
        .expect(401);
    const locked = await request(app()).post("/api/auth/login").send({ email, password: DEMO_PASSWORD }).expect(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(800);
    clock = new Date(clock.getTime() + 16 * 60_000);
    await request(app()).post("/api/auth/login").send({ email, password: DEMO_PASSWORD }).expect(200);
  });

  test("writes with a session need the CSRF token and our own origin", async () => {
    const { agent, csrf } = await signIn(app(), "vendor@ketnoi.demo", DEMO_PASSWORD);
    const missing = await agent.post("/api/auth/logout").send({}).expect(403);
    expect(missing.body.error.code).toBe("csrf_failed");
    await agent.post("/api/auth/logout").set({ "X-CSRF-Token": "forged" }).send({}).expect(403);
    await agent
      .post("/api/auth/logout")
      .set({ ...csrf, Origin: "https://evil.example" })
      .send({})
      .expect(403);
    await agent.get("/api/auth/session").expect(200);
    await agent
      .post("/api/auth/logout")
      .set({ ...csrf, Origin: TEST_ORIGIN })
      .send({})
      .expect(204);
  });

  test("registration creates nothing and mails a link; the link creates the pending firm and its owner (address confirmed), signs in, and works once", async () => {
    const before = await counts();
    const res = await request(app()).post("/api/auth/register").send(registration()).expect(202);
    expect(res.text).toBe("");
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(await counts()).toEqual(before);
    const [mail] = await built.repos.outbox.listTo("owner@cokhi-thanglong.vn");
    expect(mail).toMatchObject({ template: "confirm_registration", locale: "vi" });
    expect(mail!.text).toContain("/signup/confirm?token=");
    expect(JSON.stringify(await db.models.PendingRegistration.find().lean())).not.toContain("mật khẩu đủ dài");

    const agent = request.agent(app());
    const confirmed = await agent
      .post("/api/auth/register/confirm")
      .send({ token: linkToken(mail!.text) })
      .expect(201);
    const session = SessionViewSchema.parse(confirmed.body);
    expect(session.user).toMatchObject({ role: "domestic", emailVerified: true, email: "owner@cokhi-thanglong.vn" });
    expect((await agent.get("/api/auth/session").expect(200)).body.user.email).toBe("owner@cokhi-thanglong.vn");
    const company = await db.models.Company.findById(session.user.companyId).lean();
    expect(company).toMatchObject({ status: "pending", taxCode: "0100101379", registrationKey: "VN:0100101379", listed: true });
    const user = await db.models.User.findOne({ email: "owner@cokhi-thanglong.vn" }).lean();
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.consents.map((c) => c.purpose).sort()).toEqual(["personalData", "profileSharing"]);
    await signIn(app(), "owner@cokhi-thanglong.vn", "mật khẩu đủ dài 2026");
    await request(app())
      .post("/api/auth/register/confirm")
      .send({ token: linkToken(mail!.text) })
      .expect(404);
  });

  test("registering with an address that has an account answers exactly as for a new one; its owner is told instead, and nothing changes", async () => {
    const before = await counts();
    const account = await db.models.User.findOne({ email: "vendor@ketnoi.demo" }).lean();
    const answer = (res: request.Response) => ({
      status: res.status,
      text: res.text,
      cookie: res.headers["set-cookie"],
      type: res.headers["content-type"],
    });
    const fresh = await request(app())
      .post("/api/auth/register")
      .send(
        registration({ email: "fresh@cokhi-dongda.vn", company: { legalName: "Công ty TNHH Cơ khí Đống Đa", taxCode: "0100109106", country: "VN" } }),
      );
    const taken = await request(app())
      .post("/api/auth/register")
      .send(
        registration({ email: "Vendor@Ketnoi.demo", company: { legalName: "Công ty TNHH Cơ khí Cầu Giấy", taxCode: "0100112437", country: "VN" } }),
      );
    expect(answer(taken)).toEqual(answer(fresh));
    expect(taken.status).toBe(202);
    // The account's owner gets a note, in the account's language (not the form's), and a way to sign in.
    const [note] = await built.repos.outbox.listTo("vendor@ketnoi.demo");
    expect(note).toMatchObject({ template: "registration_attempt", locale: "ja" });
    expect(note!.text).toContain("/signin");
    expect(note!.text).not.toContain("token=");
    // Nothing else: no firm, no second account, no pending registration, the account as it was.
    expect(await counts()).toEqual(before);
    expect(await db.models.PendingRegistration.countDocuments({ email: "vendor@ketnoi.demo" })).toBe(0);
    expect(await db.models.User.findOne({ email: "vendor@ketnoi.demo" }).lean()).toEqual(account);
    expect((await built.repos.outbox.listTo("fresh@cokhi-dongda.vn"))[0]).toMatchObject({ template: "confirm_registration" });
  });

  test("invalid registrations name each bad field in the user's language and store nothing", async () => {
    const before = await counts();
    const res = await request(app())
      .post("/api/auth/register")
      .set("Accept-Language", "en")
      .send(
        registration({
          email: "not-an-email",
          password: "short",
          company: { legalName: "X", taxCode: "0100101373", country: "VN" },
          consents: { personalData: false },
          extra: 1,
        }),
      )
      .expect(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(
      expect.arrayContaining(["email", "password", "company.legalName", "company.taxCode", "consents.personalData", "extra"]),
    );
    const ja = await request(app())
      .post("/api/auth/register")
      .set("Accept-Language", "ja")
      .send(registration({ password: "short" }))
      .expect(400);
    expect(ja.body.error.fields.password).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(await counts()).toEqual(before);
  });

  test("an already registered firm is a 409 whatever the address; an address taken before the link is opened is a 409 there, leaving nothing", async () => {
    const before = await counts();
    // The firm registered above, by a new address and by one with an account: the same answer.
    const byNew = await request(app())
      .post("/api/auth/register")
      .send(registration({ email: "second@cokhi-thanglong.vn" }))
      .expect(409);
    const byAccount = await request(app())
      .post("/api/auth/register")
      .send(registration({ email: "organiser@ketnoi.demo" }))
      .expect(409);
    expect(byAccount.body).toEqual(byNew.body);
    expect(Object.keys(byNew.body.error.fields)).toEqual(["company.taxCode"]);

    // Two registrations with one new address: the first link opened wins, the other finds the address taken.
    const twice = (taxCode: string, legalName: string) =>
      registration({ email: "twice@nhua-hanoi.vn", company: { legalName, taxCode, country: "VN" } });
    await request(app()).post("/api/auth/register").send(twice("0100112437", "Công ty TNHH Nhựa Một")).expect(202);
    await request(app()).post("/api/auth/register").send(twice("0100113367", "Công ty TNHH Nhựa Hai")).expect(202);
    const [second, first] = await built.repos.outbox.listTo("twice@nhua-hanoi.vn");
    await request(app())
      .post("/api/auth/register/confirm")
      .send({ token: linkToken(first!.text) })
      .expect(201);
    const late = await request(app())
      .post("/api/auth/register/confirm")
      .send({ token: linkToken(second!.text) })
      .expect(409);
    expect(late.body.error.fields.email).toBe("Email này đã được đăng ký.");
    expect(await counts()).toEqual({ users: before.users + 1, companies: before.companies + 1 });
  });

  test("password reset: a link by email, single use, and every old session ends", async () => {
    const { agent } = await signIn(app(), "domestic@ketnoi.demo", DEMO_PASSWORD);
    await request(app()).post("/api/auth/password-reset").send({ email: "domestic@ketnoi.demo" }).expect(202);
    await request(app()).post("/api/auth/password-reset").send({ email: "ghost@example.vn" }).expect(202);
    expect(await built.repos.outbox.listTo("ghost@example.vn")).toEqual([]);
    const [mail] = await built.repos.outbox.listTo("domestic@ketnoi.demo");
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;

    await request(app()).post("/api/auth/password-reset/confirm").send({ token, password: "một mật khẩu mới 2026" }).expect(204);
    expect((await agent.get("/api/auth/session").expect(200)).body).toEqual({ user: null });
    await request(app()).post("/api/auth/login").send({ email: "domestic@ketnoi.demo", password: DEMO_PASSWORD }).expect(401);
    await signIn(app(), "domestic@ketnoi.demo", "một mật khẩu mới 2026");
    await request(app()).post("/api/auth/password-reset/confirm").send({ token, password: "another password 2026" }).expect(404);
  });

  test("failed sign-ins for one account are rate-limited (tests/integration/api/rateLimits.int.test.ts has the rest)", async () => {
    const { app: limited } = buildTestApp(db);
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await request(limited).post("/api/auth/login").send({ email: "nobody@example.vn", password: "x" })).status;
    expect(last).toBe(429);
  });
});
