import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn, FIXED_NOW } from "../../support/app";
import { buildCompany, buildUser } from "../../support/factories";

describe("only the owner's consent to profile sharing lists a firm", () => {
  const t = useSeededApp("listing");
  const email = "owner@kanto-press.example";
  let owner: Awaited<ReturnType<typeof signIn>>;
  let id = "";
  let organiser: Awaited<ReturnType<typeof signIn>>;

  const listed = async () => (await t.db.models.Company.findById(id).lean())!.listed;
  const inDirectory = async () =>
    ((await request(t.app).get("/api/companies?q=kanto%20press").expect(200)).body.data as { id: string }[]).some((c) => c.id === id);
  const consentsOf = async () => {
    const rows = (await organiser.agent.get("/api/users/consents").expect(200)).body.data as { email: string; consents: { purpose: string }[] }[];
    return rows
      .find((r) => r.email === email)!
      .consents.map((c) => c.purpose)
      .sort();
  };

  beforeAll(async () => {
    // An approved firm with no account yet; its owner, added here, has not consented to sharing its profile.
    id = (await buildCompany(t.repos, { legalName: "Công ty TNHH Kanto Press Việt Nam", listed: false })).id;
    const password = "a long enough password";
    await buildUser(t.repos, {
      email,
      name: "Sato Haruki",
      companyId: id,
      locale: "ja",
      timeZone: "Asia/Tokyo",
      consents: [{ purpose: "personalData", grantedAt: FIXED_NOW }],
      password,
    });
    owner = await signIn(t.app, email, password);
    organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
  });

  test("a member cannot list the firm through its profile: a field error points to the consent, and nothing changes", async () => {
    const employees = (await t.db.models.Company.findById(id).lean())!.employees;
    const refused = await owner.agent
      .patch(`/api/companies/${id}`)
      .set({ ...owner.csrf, "Accept-Language": "en" })
      .send({ listed: true, employees: 77 })
      .expect(400);
    expect(refused.body.error.fields).toEqual({
      listed:
        "Only the owner's consent to show the firm's profile lists it in the directory; the owner gives or withdraws it under Consents on the account page.",
    });
    const inJapanese = await owner.agent
      .patch(`/api/companies/${id}`)
      .set({ ...owner.csrf, "Accept-Language": "ja" })
      .send({ listed: false })
      .expect(400);
    expect(inJapanese.body.error.fields.listed).toMatch(/同意/);
    expect(await listed()).toBe(false);
    expect((await t.db.models.Company.findById(id).lean())!.employees).toBe(employees);
    expect(await inDirectory()).toBe(false);
    expect(await consentsOf()).toEqual(["personalData"]);
  });

  test("organisers may take a firm off the directory, and list it only while the owner's consent stands", async () => {
    const patch = (body: object) =>
      organiser.agent
        .patch(`/api/companies/${id}`)
        .set({ ...organiser.csrf, "Accept-Language": "vi" })
        .send(body);
    expect((await patch({ listed: true }).expect(400)).body.error.fields.listed).toMatch(/Sự đồng ý/);
    expect(await listed()).toBe(false);

    // The consent lists the firm.
    await owner.agent.patch("/api/me/consents").set(owner.csrf).send({ profileSharing: true }).expect(204);
    expect(await listed()).toBe(true);
    expect(await inDirectory()).toBe(true);

    // An organiser takes it off; the register of consent stays as the owner left it.
    await patch({ listed: false }).expect(200);
    expect(await inDirectory()).toBe(false);
    expect(await consentsOf()).toEqual(["personalData", "profileSharing"]);
    await patch({ listed: true }).expect(200);
    expect(await inDirectory()).toBe(true);

    // Withdrawn, the consent unlists the firm, and no organiser can list it again.
    await owner.agent.patch("/api/me/consents").set(owner.csrf).send({ profileSharing: false }).expect(204);
    expect(await listed()).toBe(false);
    await patch({ listed: true }).expect(400);
    expect(await listed()).toBe(false);
  });

  test("a company list lists a firm that has an owner only with the owner's consent, and may always unlist it", async () => {
    const csv = async (listed: "0" | "1") => {
      const exported = (await organiser.agent.get("/api/companies/export").expect(200)).text.replace(/^\uFEFF/, "").split("\n");
      const taxCode = (await t.db.models.Company.findById(id).lean())!.taxCode!;
      return [exported[0], exported.find((line) => line.includes(`,${taxCode},`))!.replace(/,[01]$/, `,${listed}`)].join("\n");
    };
    const post = async (listed: "0" | "1") =>
      organiser.agent
        .post("/api/companies/import")
        .set({ ...organiser.csrf, "Accept-Language": "en" })
        .send({ csv: await csv(listed) })
        .expect(200);
    expect(await listed()).toBe(false);
    const refused = await post("1");
    expect(refused.body).toMatchObject({
      updated: 0,
      rejected: 1,
      errors: [{ line: 2, field: "listed", message: expect.stringMatching(/owner's consent/) }],
    });
    expect(await listed()).toBe(false);

    await owner.agent.patch("/api/me/consents").set(owner.csrf).send({ profileSharing: true }).expect(204);
    await post("0"); // a list may take it off
    expect(await listed()).toBe(false);
    expect((await post("1")).body).toMatchObject({ updated: 1, rejected: 0 });
    expect(await listed()).toBe(true);
  });
});
