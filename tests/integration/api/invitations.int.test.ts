import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";
import { linkToken, registerFirm } from "../../support/registration";

describe("invitations: organisers invite firms, owners invite colleagues", () => {
  const t = useSeededApp("invitations");
  const account = {
    name: "Nguyễn Thị Mời",
    password: "mật khẩu được mời 2026",
    locale: "vi",
    consents: { personalData: true, profileSharing: true },
  };

  test("an imported firm's contact accepts the organiser's invitation and owns the firm; they invite a colleague", async () => {
    const { agent: organiser, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const firm = await t.db.models.Company.findOne({ kind: "domestic", listed: false }).lean();
    const wrongRole = await organiser
      .post("/api/invitations")
      .set({ ...csrf, "Accept-Language": "en" })
      .send({ kind: "firm", email: "giamdoc@firm.vn", role: "vendor", companyId: firm!._id.toHexString() })
      .expect(400);
    expect(wrongRole.body.error.fields).toEqual({ role: "The role does not fit the company (domestic or foreign)." });
    await organiser
      .post("/api/invitations")
      .set(csrf)
      .send({ kind: "firm", email: "GiamDoc@Firm.vn", role: "domestic", companyId: firm!._id.toHexString() })
      .expect(202);

    const [mail] = await t.repos.outbox.listTo("giamdoc@firm.vn");
    expect(mail).toMatchObject({ template: "invitation", locale: "vi" });
    const owner = request.agent(t.app);
    const accepted = await owner
      .post("/api/invitations/accept")
      .send({ ...account, token: linkToken(mail!.text) })
      .expect(201);
    // The owner is told so (the menu offers the team page to owners, domestic or vendor).
    expect(accepted.body.user).toMatchObject({
      email: "giamdoc@firm.vn",
      role: "domestic",
      companyId: firm!._id.toHexString(),
      companyRole: "owner",
      emailVerified: true,
    });
    await request(t.app)
      .post("/api/invitations/accept")
      .send({ ...account, token: linkToken(mail!.text) })
      .expect(404);
    expect((await t.db.models.User.findOne({ email: "giamdoc@firm.vn" }).lean())!.companyRole).toBe("owner");

    const ownerCsrf = { "X-CSRF-Token": accepted.body.csrfToken as string };
    await owner.post("/api/invitations").set(ownerCsrf).send({ kind: "colleague", email: "ketoan@firm.vn", locale: "en" }).expect(202);
    const [colleagueMail] = await t.repos.outbox.listTo("ketoan@firm.vn");
    expect(colleagueMail!.locale).toBe("en");
    const colleague = await request(t.app)
      .post("/api/invitations/accept")
      .send({ ...account, name: "Kế Toán", token: linkToken(colleagueMail!.text) })
      .expect(201);
    expect(colleague.body.user.companyId).toBe(firm!._id.toHexString());
    expect((await t.db.models.User.findOne({ email: "ketoan@firm.vn" }).lean())!.companyRole).toBe("member");
  });

  test("members who are not owners, and organisers inviting colleagues, are refused", async () => {
    const { agent: owner, csrf } = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    await owner.post("/api/invitations").set(csrf).send({ kind: "colleague", email: "member@demo-firm.vn" }).expect(202);
    const [mail] = await t.repos.outbox.listTo("member@demo-firm.vn");
    const member = request.agent(t.app);
    const accepted = await member
      .post("/api/invitations/accept")
      .send({ ...account, token: linkToken(mail!.text) })
      .expect(201);
    await member
      .post("/api/invitations")
      .set({ "X-CSRF-Token": accepted.body.csrfToken })
      .send({ kind: "colleague", email: "x@firm.vn" })
      .expect(403);
    const { agent: organiser, csrf: oc } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    await organiser.post("/api/invitations").set(oc).send({ kind: "colleague", email: "y@firm.vn" }).expect(403);
    expect(await t.repos.outbox.listTo("x@firm.vn")).toEqual([]);
  });

  test("inviting an address that has an account answers as for a new one; that address gets a note, not a link, and nothing changes", async () => {
    const { agent: organiser, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const firm = (await t.db.models.Company.findOne({ kind: "foreign" }).lean())!._id.toHexString();
    const invitations = await t.db.models.Invitation.countDocuments();
    const answer = (res: request.Response) => ({ status: res.status, text: res.text, type: res.headers["content-type"] });
    const fresh = await organiser
      .post("/api/invitations")
      .set(csrf)
      .send({ kind: "firm", email: "sales@new-vendor.example", role: "vendor", companyId: firm });
    const taken = await organiser
      .post("/api/invitations")
      .set(csrf)
      .send({ kind: "firm", email: "Vendor@Ketnoi.demo", role: "vendor", companyId: firm });
    expect(answer(taken)).toEqual(answer(fresh));
    expect(taken.status).toBe(202);
    const [note] = await t.repos.outbox.listTo("vendor@ketnoi.demo");
    expect(note).toMatchObject({ template: "invitation_existing_account", locale: "ja" });
    expect(note!.text).not.toContain("token=");
    expect(await t.db.models.Invitation.countDocuments()).toBe(invitations + 1);
    expect(await t.db.models.Invitation.countDocuments({ email: "vendor@ketnoi.demo" })).toBe(0);
  });

  test("a firm's owner invites only once the firm is approved and the owner's address confirmed", async () => {
    const {
      agent: owner,
      csrf,
      session,
    } = await registerFirm(t.app, t.repos, {
      email: "owner@moi-dang-ky.vn",
      password: "một mật khẩu đủ dài",
      name: "Đỗ Văn Mới",
      role: "domestic",
      company: { legalName: "Công ty TNHH Mới Đăng Ký", taxCode: "0100111257", country: "VN" },
      consents: { personalData: true },
    });
    const invite = (email: string) =>
      owner
        .post("/api/invitations")
        .set({ ...csrf, "Accept-Language": "en" })
        .send({ kind: "colleague", email });
    const pending = await invite("colleague@moi-dang-ky.vn").expect(403);
    expect(pending.body.error.fields).toEqual({ company: "Your company is waiting for the organisers' approval." });
    const { agent: organiser, csrf: oc } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    await organiser.post(`/api/companies/${session.user.companyId}/approve`).set(oc).send({}).expect(204);
    // An owner whose address is not confirmed (an account from before addresses were confirmed at registration).
    await t.db.models.User.updateOne({ _id: session.user.id }, { $unset: { emailVerifiedAt: 1 } });
    await t.repos.revisions.bump("sessions"); // (written past the repositories: the api keeps users with their sessions, so it is told as they tell it)
    const unconfirmed = await invite("colleague@moi-dang-ky.vn").expect(403);
    expect(unconfirmed.body.error.fields).toEqual({ account: "Confirm your email address first (with the link we sent you)." });
    expect(await t.repos.outbox.listTo("colleague@moi-dang-ky.vn")).toEqual([]);
    await t.repos.users.markEmailVerified(session.user.id, new Date());
    await invite("colleague@moi-dang-ky.vn").expect(202);
    expect((await t.repos.outbox.listTo("colleague@moi-dang-ky.vn"))[0]).toMatchObject({ template: "invitation" });
  });

  test("invitations are limited per user: a firm's owner sends 20 an hour, an organiser more", async () => {
    const { agent: owner, csrf } = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    for (let i = 0; i < 20; i++)
      await owner
        .post("/api/invitations")
        .set(csrf)
        .send({ kind: "colleague", email: `team${i}@kansai.example` })
        .expect(202);
    const refused = await owner.post("/api/invitations").set(csrf).send({ kind: "colleague", email: "team20@kansai.example" }).expect(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(await t.repos.outbox.listTo("team20@kansai.example")).toEqual([]);
    // Another user has an allowance of their own; an organiser invites the fair's firms by the hundred.
    const { agent: organiser, csrf: oc } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const firm = (await t.db.models.Company.findOne({ kind: "domestic", listed: false }).lean())!._id.toHexString();
    for (let i = 0; i < 21; i++)
      await organiser
        .post("/api/invitations")
        .set(oc)
        .send({ kind: "firm", email: `director${i}@hanoi-firm.vn`, role: "domestic", companyId: firm })
        .expect(202);
  });
});
