import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";

const linkToken = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe("invitations: organisers invite firms, owners invite colleagues", () => {
  const t = useSeededApp("invitations");
  const account = { name: "Nguyễn Thị Mời", password: "mật khẩu được mời 2026", locale: "vi", consents: { personalData: true, profileSharing: true } };

  test("an imported firm's contact accepts the organiser's invitation and owns the firm; they invite a colleague", async () => {
    const { agent: organiser, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const firm = await t.db.models.Company.findOne({ kind: "domestic", listed: false }).lean();
    const wrongRole = await organiser.post("/api/invitations").set({ ...csrf, "Accept-Language": "en" }).send({ kind: "firm", email: "giamdoc@firm.vn", role: "vendor", companyId: firm!._id.toHexString() }).expect(400);
    expect(wrongRole.body.error.fields).toEqual({ role: "The role does not fit the company (domestic or foreign)." });
    await organiser.post("/api/invitations").set(csrf).send({ kind: "firm", email: "GiamDoc@Firm.vn", role: "domestic", companyId: firm!._id.toHexString() }).expect(202);

    const [mail] = await t.repos.outbox.listTo("giamdoc@firm.vn");
    expect(mail).toMatchObject({ template: "invitation", locale: "vi" });
    const owner = request.agent(t.app);
    const accepted = await owner.post("/api/invitations/accept").send({ ...account, token: linkToken(mail!.text) }).expect(201);
    expect(accepted.body.user).toMatchObject({ email: "giamdoc@firm.vn", role: "domestic", companyId: firm!._id.toHexString(), emailVerified: true });
    await request(t.app).post("/api/invitations/accept").send({ ...account, token: linkToken(mail!.text) }).expect(404);
    expect((await t.db.models.User.findOne({ email: "giamdoc@firm.vn" }).lean())!.companyRole).toBe("owner");

    const ownerCsrf = { "X-CSRF-Token": accepted.body.csrfToken as string };
    await owner.post("/api/invitations").set(ownerCsrf).send({ kind: "colleague", email: "ketoan@firm.vn", locale: "en" }).expect(202);
    const [colleagueMail] = await t.repos.outbox.listTo("ketoan@firm.vn");
    expect(colleagueMail!.locale).toBe("en");
    const colleague = await request(t.app).post("/api/invitations/accept").send({ ...account, name: "Kế Toán", token: linkToken(colleagueMail!.text) }).expect(201);
    expect(colleague.body.user.companyId).toBe(firm!._id.toHexString());
    expect((await t.db.models.User.findOne({ email: "ketoan@firm.vn" }).lean())!.companyRole).toBe("member");
  });

  test("members who are not owners, and organisers inviting colleagues, are refused; taken emails are a 409", async () => {
    const { agent: owner, csrf } = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    await owner.post("/api/invitations").set(csrf).send({ kind: "colleague", email: "member@demo-firm.vn" }).expect(202);
    const [mail] = await t.repos.outbox.listTo("member@demo-firm.vn");
    const member = request.agent(t.app);
    const accepted = await member.post("/api/invitations/accept").send({ ...account, token: linkToken(mail!.text) }).expect(201);
    await member.post("/api/invitations").set({ "X-CSRF-Token": accepted.body.csrfToken }).send({ kind: "colleague", email: "x@firm.vn" }).expect(403);
    const { agent: organiser, csrf: oc } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    await organiser.post("/api/invitations").set(oc).send({ kind: "colleague", email: "y@firm.vn" }).expect(403);
    const firm = await t.db.models.Company.findOne({ kind: "foreign" }).lean();
    await organiser.post("/api/invitations").set(oc).send({ kind: "firm", email: "vendor@ketnoi.demo", role: "vendor", companyId: firm!._id.toHexString() }).expect(409);
    expect(await t.repos.outbox.listTo("x@firm.vn")).toEqual([]);
  });
});
