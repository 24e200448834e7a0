import request from "supertest";
import { buildTestApp, signIn, useSeededApp, FIXED_NOW } from "../../support/app";
import { buildCompany, buildUser } from "../../support/factories";

describe("deleting an account: the password is guarded by the sign-in lockout", () => {
  const t = useSeededApp("deletelockout");
  const password = "một mật khẩu đủ dài";

  /** An account of its own (a member of a foreign firm), signed in. */
  async function account(email: string) {
    const company = await buildCompany(t.repos, { kind: "foreign" });
    await buildUser(t.repos, { email, name: "Trần Thu Hà", role: "vendor", companyId: company.id, companyRole: "member", password });
    const { agent, csrf } = await signIn(t.app, email, password);
    return { agent, csrf };
  }

  test("five wrong passwords lock the account: the right one is then refused, here and at sign-in, until the lock ends", async () => {
    const email = "guess@example.vn";
    const { agent, csrf } = await account(email);
    for (let i = 0; i < 5; i++)
      await agent
        .post("/api/me/delete")
        .set(csrf)
        .send({ password: `wrong guess ${i}!` })
        .expect(401);
    const locked = await agent
      .post("/api/me/delete")
      .set({ ...csrf, "Accept-Language": "ja" })
      .send({ password })
      .expect(429);
    expect(locked.body.error.code).toBe("rate_limited");
    expect(Number(locked.headers["retry-after"])).toBe(15 * 60);
    expect(await t.db.models.User.countDocuments({ email })).toBe(1);
    await request(t.app).post("/api/auth/login").send({ email, password }).expect(429);

    // Fifteen minutes on, the right password deletes the account.
    const later = buildTestApp(t.db, { now: () => new Date(FIXED_NOW.getTime() + 16 * 60 * 1000) }).app;
    const { agent: again, csrf: csrfAgain } = await signIn(later, email, password);
    await again.post("/api/me/delete").set(csrfAgain).send({ password }).expect(204);
    expect(await t.db.models.User.countDocuments({ email })).toBe(0);
  });

  test("wrong passwords at sign-in and at deletion count together", async () => {
    const email = "mixed@example.vn";
    const { agent, csrf } = await account(email);
    for (let i = 0; i < 3; i++)
      await request(t.app)
        .post("/api/auth/login")
        .send({ email, password: `wrong guess ${i}!` })
        .expect(401);
    for (let i = 0; i < 2; i++)
      await agent
        .post("/api/me/delete")
        .set(csrf)
        .send({ password: `wrong again ${i}!` })
        .expect(401);
    await agent.post("/api/me/delete").set(csrf).send({ password }).expect(429);
    expect(await t.db.models.User.countDocuments({ email })).toBe(1);
  });
});
