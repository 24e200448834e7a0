import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { buildTestApp, useSeededApp } from "../../support/app";
import type { Database } from "../../../api/src/db/connection";
import { connectAgain } from "../../support/stack";
import { FIXED_NOW } from "../../support/clock";

/**
 * Each api process keeps signed-in sessions (one read per request instead of two), yet a sign-out or
 * an account change on one process holds on every other at the very next request.
 */
describe.each(["database", "redis"] as const)("sessions across api processes (revisions in the %s)", (revisionsIn) => {
  const t = useSeededApp(`sessions-across-${revisionsIn}`, { revisionsIn });
  let otherDb: Database;
  let other: ReturnType<typeof buildTestApp>["app"];
  // The other process: its own connection (and Redis client), its own caches.
  beforeAll(async () => {
    otherDb = await connectAgain(t.db, revisionsIn);
    other = buildTestApp(otherDb, { now: () => FIXED_NOW }).app;
  });
  afterAll(() => otherDb.close());
  /** Signs in on the first process: the session cookie and its CSRF token. */
  const login = async (email: string) => {
    const res = await request(t.app).post("/api/auth/login").send({ email, password: DEMO_PASSWORD }).expect(200);
    const cookie = String(res.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
    expect(cookie).toMatch(/=./);
    return { cookie, csrf: res.body.csrfToken as string };
  };

  test("signed out on one process, the next request on the other is refused", async () => {
    const firm = await login("domestic@ketnoi.demo");
    // The other process knows the session, and keeps it.
    for (let i = 0; i < 3; i++) await request(other).get("/api/me/notifications").set("Cookie", firm.cookie).expect(200);
    await request(t.app).post("/api/auth/logout").set("Cookie", firm.cookie).set("X-CSRF-Token", firm.csrf).send({}).expect(204);
    await request(other).get("/api/me/notifications").set("Cookie", firm.cookie).expect(401);
  });

  test("an account changed on one process is seen on the other at the next request: an organiser scoped meanwhile is refused", async () => {
    const passwordHash = (await t.db.models.User.findOne({ email: "organiser@ketnoi.demo" }).lean())!.passwordHash;
    const desk = await t.repos.users.create({
      email: "desk-across@example.vn",
      name: "Bàn đối tác",
      role: "organiser",
      locale: "vi",
      timeZone: "Asia/Ho_Chi_Minh",
      consents: [],
      passwordHash,
    });
    const deskSession = await login(desk.email);
    await request(other).get("/api/users/export").set("Cookie", deskSession.cookie).expect(200);
    const { id: _id, ...setup } = (await t.repos.fairs.list())[0]!;
    await t.repos.fairs.create({ ...setup, slug: "across-visit", kind: "delegation" } as never);
    const organiser = await login("organiser@ketnoi.demo");
    await request(t.app)
      .put(`/api/users/${desk.id}/event-scopes`)
      .set("Cookie", organiser.cookie)
      .set("X-CSRF-Token", organiser.csrf)
      .send({ events: ["across-visit"] })
      .expect(200);
    const refused = await request(other).get("/api/users/export").set("Cookie", deskSession.cookie).set("Accept-Language", "en").expect(403);
    expect(refused.body.error.fields.event).toBe("Only organisers of the whole programme may do this; you organise some of its events.");
  });
});
