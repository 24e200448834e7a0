import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { buildTestApp, useSeededApp, FIXED_NOW } from "../../support/app";

/**
 * The sign-in lockout under concurrency: five wrong passwords lock an account for 15 minutes, and
 * simultaneous guesses (here, 20 at once) get exactly five password checks between them, wherever
 * they land. Each check is recorded before the password is verified, so recorded checks are
 * verifications.
 */
describe("sign-in lockout under simultaneous guesses", () => {
  const t = useSeededApp("lockout");
  const email = "vendor@ketnoi.demo";

  test("20 wrong passwords at once: exactly 5 are checked, the other 15 are refused as locked; the lock holds 15 minutes", async () => {
    const user = await t.db.models.User.findOne({ email }).lean();
    // Two api processes on the same database, as behind the gateway.
    const second = buildTestApp(t.db, { now: () => FIXED_NOW }).app;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(i % 2 ? second : t.app)
          .post("/api/auth/login")
          .send({ email, password: `wrong guess number ${i}` }),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    for (const locked of replies.filter((r) => r.status === 429)) {
      expect(locked.body.error.code).toBe("rate_limited");
      expect(Number(locked.headers["retry-after"])).toBe(15 * 60);
    }
    expect(await t.db.models.LoginFailure.countDocuments({ userId: user!._id })).toBe(5);

    // Locked: the right password is not even checked, and nothing more is recorded.
    await request(t.app).post("/api/auth/login").send({ email, password: DEMO_PASSWORD }).expect(429);
    expect(await t.db.models.LoginFailure.countDocuments({ userId: user!._id })).toBe(5);

    // Fifteen minutes after the fifth check, the right password signs in, and the count starts afresh.
    const later = buildTestApp(t.db, { now: () => new Date(FIXED_NOW.getTime() + 15 * 60_000 + 1000) }).app;
    await request(later).post("/api/auth/login").send({ email, password: DEMO_PASSWORD }).expect(200);
    for (let i = 0; i < 4; i++)
      await request(later)
        .post("/api/auth/login")
        .send({ email, password: `another guess ${i}` })
        .expect(401);
    await request(later).post("/api/auth/login").send({ email, password: DEMO_PASSWORD }).expect(200);
  });

  test("after a lock runs out, simultaneous guesses again get five checks between them", async () => {
    const mail = "interpreter@ketnoi.demo";
    const user = await t.db.models.User.findOne({ email: mail }).lean();
    for (let i = 0; i < 5; i++)
      await request(t.app)
        .post("/api/auth/login")
        .send({ email: mail, password: `wrong ${i} wrong` })
        .expect(401);
    await request(t.app).post("/api/auth/login").send({ email: mail, password: DEMO_PASSWORD }).expect(429);
    const later = buildTestApp(t.db, { now: () => new Date(FIXED_NOW.getTime() + 16 * 60_000) }).app;
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        request(later)
          .post("/api/auth/login")
          .send({ email: mail, password: `later guess ${i}` }),
      ),
    );
    expect(replies.filter((r) => r.status === 401)).toHaveLength(5);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(7);
    // The new run holds its five.
    const runs = await t.db.models.LoginFailure.find({ userId: user!._id }).lean();
    const latest = Math.max(...runs.map((r) => r.run));
    expect(runs.filter((r) => r.run === latest)).toHaveLength(5);
  });
});
