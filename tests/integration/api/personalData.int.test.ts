import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";
import { registerFirm } from "../../support/registration";

describe("personal data: export, consents, deletion", () => {
  const t = useSeededApp("personal");
  const app = () => t.app;
  const password = "một mật khẩu đủ dài";

  async function register(email: string) {
    const { agent, csrf, session } = await registerFirm(app(), t.repos, {
      email,
      password,
      name: "Lee Ji-eun",
      role: "vendor",
      locale: "ko",
      timeZone: "Asia/Seoul",
      company: { legalName: `Hanbit Test ${email}`, country: "KR" },
      consents: { personalData: true, profileSharing: true },
    });
    return { agent, csrf, companyId: session.user.companyId! };
  }

  test("a user downloads their data, withdraws a consent, and the organiser's register shows it", async () => {
    const { agent, csrf } = await register("export@hanbit.example");
    const data = await agent.get("/api/me/data").expect(200);
    expect(data.headers["content-disposition"]).toMatch(/^attachment; filename="?ketnoi-my-data\.json"?$/);
    expect(data.body.user).toMatchObject({ email: "export@hanbit.example", role: "vendor", locale: "ko" });
    expect(data.body.user.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(["personalData", "profileSharing"]);
    expect(data.body.company.legalName).toBe("Hanbit Test export@hanbit.example");
    expect(data.body.mail).toEqual([expect.objectContaining({ template: "confirm_registration" })]);
    expect(JSON.stringify(data.body)).not.toMatch(/passwordHash|argon2/);

    expect(data.body.company.listed).toBe(true);
    await agent.patch("/api/me/consents").set(csrf).send({ profileSharing: false, marketing: true }).expect(204);
    const after = await agent.get("/api/me/data").expect(200);
    expect(after.body.user.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(["marketing", "personalData"]);
    // The owner's withdrawal unlists the firm; granting again lists it.
    expect(after.body.company.listed).toBe(false);
    await agent.patch("/api/me/consents").set(csrf).send({ profileSharing: true }).expect(204);
    expect((await agent.get("/api/me/data").expect(200)).body.company.listed).toBe(true);
    await agent.patch("/api/me/consents").set(csrf).send({ profileSharing: false }).expect(204);
    await agent.patch("/api/me/consents").set(csrf).send({ personalData: false }).expect(400);

    const { agent: organiser } = await signIn(app(), "organiser@ketnoi.demo", DEMO_PASSWORD);
    const register_ = await organiser.get("/api/users/consents").expect(200);
    const row = register_.body.data.find((u: { email: string }) => u.email === "export@hanbit.example");
    expect(row.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(["marketing", "personalData"]);
  });

  test("deleting an account needs the password, then removes the person and their unapproved firm", async () => {
    const { agent, csrf, companyId } = await register("delete@hanbit.example");
    await agent.post("/api/me/delete").set(csrf).send({ password: "wrong password!" }).expect(401);
    const userId = (await t.db.models.User.findOne({ email: "delete@hanbit.example" }).lean())!._id;
    expect(await t.db.models.Session.countDocuments({ userId })).toBe(1);

    await agent.post("/api/me/delete").set(csrf).send({ password }).expect(204);
    expect(await t.db.models.User.countDocuments({ email: "delete@hanbit.example" })).toBe(0);
    expect(await t.db.models.Company.countDocuments({ _id: companyId })).toBe(0);
    expect(await t.db.models.OutboxMessage.countDocuments({ to: "delete@hanbit.example" })).toBe(0);
    expect(await t.db.models.Session.countDocuments({ userId })).toBe(0);
    expect((await agent.get("/api/auth/session").expect(200)).body).toEqual({ user: null });
    await request(app()).post("/api/auth/login").send({ email: "delete@hanbit.example", password }).expect(401);
  });

  test("an approved firm keeps its business profile when a member leaves", async () => {
    const { agent, csrf, companyId } = await register("leaver@hanbit.example");
    await t.db.models.Company.updateOne({ _id: companyId }, { $set: { status: "approved" } });
    await agent.post("/api/me/delete").set(csrf).send({ password }).expect(204);
    expect(await t.db.models.Company.countDocuments({ _id: companyId })).toBe(1);
  });
});
