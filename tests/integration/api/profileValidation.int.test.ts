import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";

const linkToken = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe("profiles: web addresses are http(s) only and time zones are real IANA zones, refused in the caller's language", () => {
  const t = useSeededApp("profilevalidation");

  test("a company's website must be an http or https address", async () => {
    const { agent, session, csrf } = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const id = session.user.companyId!;
    const patch = (website: string, lang = "en") =>
      agent
        .patch(`/api/companies/${id}`)
        .set({ ...csrf, "Accept-Language": lang })
        .send({ website });
    for (const hostile of [
      "javascript:alert(document.cookie)",
      "JavaScript://%0Aalert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "ftp://files.example.com/",
    ]) {
      const res = await patch(hostile).expect(400);
      expect(res.body.error.fields).toEqual({ website: "Enter a web address starting with http:// or https://." });
    }
    expect((await patch("javascript:alert(1)", "ko").expect(400)).body.error.fields.website).toBe(
      "http:// 또는 https://로 시작하는 웹 주소를 입력하세요.",
    );
    expect((await t.db.models.Company.findById(id).lean())!.website).toBeUndefined();
    expect((await patch("https://www.kyoto-servo.example.jp/products").expect(200)).body.website).toBe("https://www.kyoto-servo.example.jp/products");
  });

  test("a company's time zone must be one the IANA database knows", async () => {
    const { agent, session, csrf } = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const id = session.user.companyId!;
    const before = (await t.db.models.Company.findById(id).lean())!.timeZone;
    const res = await agent
      .patch(`/api/companies/${id}`)
      .set({ ...csrf, "Accept-Language": "ja" })
      .send({ timeZone: "Asia/Hanoi_Typo" })
      .expect(400);
    expect(res.body.error.fields).toEqual({ timeZone: "不明なタイムゾーンです。" });
    await agent.patch(`/api/companies/${id}`).set(csrf).send({ timeZone: "" }).expect(400);
    expect((await t.db.models.Company.findById(id).lean())!.timeZone).toBe(before);
    // An alias the IANA database keeps (Node's canonical list has Asia/Saigon instead) is a zone too.
    expect((await agent.patch(`/api/companies/${id}`).set(csrf).send({ timeZone: "Asia/Ho_Chi_Minh" }).expect(200)).body.timeZone).toBe(
      "Asia/Ho_Chi_Minh",
    );
  });

  test("a company list with an unknown zone reports the line in the reader's language", async () => {
    const { agent, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const header =
      "kind,legal_name,english_name,tax_code,country,district,time_zone,participation,sectors,processes,certifications,offers,languages,employees,export_markets,description_vi,description_en,listed";
    const csv = [header, "foreign,Osaka Typo Works,,,JP,,Asia/Osaka_Typo,remote,sec.mech,,,,ja,,,,,1"].join("\n");
    const res = await agent
      .post("/api/companies/import")
      .set({ ...csrf, "Accept-Language": "vi" })
      .send({ csv, dryRun: true })
      .expect(200);
    expect(res.body.errors).toEqual([{ line: 2, field: "timeZone", message: "Múi giờ không hợp lệ." }]);
  });

  test("a user's time zone is checked at registration and when accepting an invitation", async () => {
    const registration = await request(t.app)
      .post("/api/auth/register")
      .set("Accept-Language", "zh-Hant")
      .send({
        email: "typo@tainan-mold.example",
        password: "a long enough password",
        name: "Lin Wei",
        role: "vendor",
        timeZone: "Asia/Hanoi_Typo",
        company: { legalName: "Tainan Mold Co.", country: "TW" },
        consents: { personalData: true },
      })
      .expect(400);
    expect(registration.body.error.fields).toEqual({ timeZone: "未知的時區。" });

    const { agent: owner, csrf } = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    await owner.post("/api/invitations").set(csrf).send({ kind: "colleague", email: "typo@demo-firm.vn" }).expect(202);
    const [mail] = await t.repos.outbox.listTo("typo@demo-firm.vn");
    const account = { token: linkToken(mail!.text), name: "Phạm Văn Gõ", password: "mật khẩu được mời 2026", consents: { personalData: true } };
    const refused = await request(t.app)
      .post("/api/invitations/accept")
      .set("Accept-Language", "vi")
      .send({ ...account, timeZone: "Asia/Hanoi_Typo" })
      .expect(400);
    expect(refused.body.error.fields).toEqual({ timeZone: "Múi giờ không hợp lệ." });
    expect(await t.db.models.User.countDocuments({ email: "typo@demo-firm.vn" })).toBe(0);
    await request(t.app)
      .post("/api/invitations/accept")
      .send({ ...account, timeZone: "Europe/Berlin" })
      .expect(201);
  });
});
