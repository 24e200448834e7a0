import request from "supertest";
import { DirectoryPageSchema, normalizeSearchText } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";
import { registerFirm } from "../../support/registration";

describe("company directory and profiles", () => {
  const t = useSeededApp("companies");
  const app = () => t.app;
  const search = async (qs: string) => DirectoryPageSchema.parse((await request(app()).get(`/api/companies?${qs}`).expect(200)).body);

  test("free text ignores diacritics and case: 'co khi' finds 'Cơ khí' firms", async () => {
    const plain = await search("q=co%20khi&pageSize=100");
    expect(plain.total).toBeGreaterThan(10);
    // Every hit has the word "co" and a word starting "khi" in its search key (names, district, products, labels).
    const keys = await t.db.models.Company.find({ _id: { $in: plain.data.map((c) => c.id) } }, { searchKey: 1 }).lean();
    expect(keys).toHaveLength(plain.data.length);
    expect(keys.every((k) => /(^| )co( |$)/.test(k.searchKey) && /(^| )khi/.test(k.searchKey))).toBe(true);
    expect(plain.data.some((c) => normalizeSearchText(c.legalName).includes("co khi"))).toBe(true);
    expect((await search(`q=${encodeURIComponent("Cơ Khí")}&pageSize=100`)).total).toBe(plain.total);
    expect((await search("q=CO%20KHI&pageSize=100")).total).toBe(plain.total);
    // "đông anh" finds the district's firms; with diacritics folded, "đồng" (copper, a material's
    // label) is the same word, so a copper shop with "Ánh" in its name is found too, and nothing else.
    const dongAnh = await search(`q=${encodeURIComponent("đông anh")}&pageSize=100`);
    expect(dongAnh.data.filter((c) => c.district === "Đông Anh").length).toBeGreaterThan(5);
    const elsewhere = await t.db.models.Company.find({ _id: { $in: dongAnh.data.filter((c) => c.district !== "Đông Anh").map((c) => c.id) } }).lean();
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(
      elsewhere.every((c) => c.processes.some((p) => p.materials.includes("mat.copper")) && /(^| )anh/.test(normalizeSearchText(c.legalName))),
    ).toBe(true);
  });

  test("filters by sector and process through the taxonomy hierarchy, certification, country, language and mode", async () => {
    const cnc = await search("process=proc.cnc&pageSize=100");
    expect(cnc.total).toBeGreaterThan(0);
    expect(cnc.data.every((c) => c.processes.some((p) => p.startsWith("proc.cnc")))).toBe(true);
    expect(cnc.data.some((c) => c.processes.includes("proc.cnc.milling5"))).toBe(true);
    const iatf = await search("certification=cert.iatf16949&pageSize=100");
    expect(iatf.total).toBeGreaterThan(0);
    expect(iatf.data.every((c) => c.certifications.includes("cert.iatf16949"))).toBe(true);
    const japan = await search("country=JP&pageSize=50");
    expect(japan.total).toBe(20);
    expect(japan.data.every((c) => c.booth?.headline?.en && c.booth.staffLanguages.includes("ja"))).toBe(true);
    const remote = await search("kind=foreign&participation=remote&pageSize=100");
    expect(remote.data.length).toBeGreaterThan(0);
    expect(remote.data.every((c) => c.participation === "remote" && c.kind === "foreign")).toBe(true);
    const japanese = (await search("language=ja&pageSize=100")).data;
    expect(japanese.length).toBeGreaterThan(0);
    expect(japanese.every((c) => c.languages.includes("ja"))).toBe(true);
  });

  test("pages are stable and sorted; bad paging is a 400", async () => {
    const first = await search("page=1&pageSize=10");
    const second = await search("page=2&pageSize=10");
    expect(first.data).toHaveLength(10);
    expect(second.total).toBe(first.total);
    expect(new Set([...first.data, ...second.data].map((c) => c.id)).size).toBe(20);
    const keys = first.data.map((c) => normalizeSearchText(c.legalName));
    expect([...keys].sort()).toEqual(keys);
    const bad = await request(app()).get("/api/companies?pageSize=500").set("Accept-Language", "en").expect(400);
    expect(bad.body.error.fields.pageSize).toBeDefined();
  });

  test("the public sees listed firms' cards; members and organisers see the whole profile", async () => {
    const unlisted = await t.db.models.Company.findOne({ listed: false }).lean();
    await request(app()).get(`/api/companies/${unlisted!._id}`).expect(404);
    const { agent: organiser } = await signIn(app(), "organiser@ketnoi.demo", DEMO_PASSWORD);
    const full = await organiser.get(`/api/companies/${unlisted!._id}`).expect(200);
    expect(full.body.taxCode).toBe(unlisted!.taxCode);
    const anonymousTotal = (await search("kind=domestic")).total;
    const organiserTotal = (await organiser.get("/api/companies?kind=domestic").expect(200)).body.total;
    expect(organiserTotal).toBe(200);
    expect(anonymousTotal).toBeLessThan(200);

    const listed = (await search("kind=domestic")).data[0]!;
    const card = await request(app()).get(`/api/companies/${listed.id}`).expect(200);
    expect(card.body.taxCode).toBeUndefined();
    expect(card.body.legalName).toBe(listed.legalName);
    await request(app()).get("/api/companies/not-an-id").expect(400);
  });

  test("members update their profile; codes are checked against the taxonomy; nothing half-written", async () => {
    const { agent, session, csrf } = await signIn(app(), "domestic@ketnoi.demo", DEMO_PASSWORD);
    const id = session.user.companyId!;
    const before = await t.db.models.Company.findById(id).lean();

    const bad = await agent
      .patch(`/api/companies/${id}`)
      .set({ ...csrf, "Accept-Language": "en" })
      .send({ employees: 321, processes: [{ code: "proc.teleport", materials: ["mat.steel"] }], sectors: ["proc.cnc"] })
      .expect(400);
    expect(bad.body.error.fields).toEqual({
      "processes.0.code": "Unknown taxonomy code.",
      "sectors.0": "This taxonomy code is not of the kind this field takes.",
    });
    expect((await t.db.models.Company.findById(id).lean())!.employees).toBe(before!.employees);

    const ok = await agent
      .patch(`/api/companies/${id}`)
      .set(csrf)
      .send({ employees: 321, processes: [{ code: "proc.stamping.progressive", materials: ["mat.steel"], monthlyCapacity: 40000 }] })
      .expect(200);
    expect(ok.body.employees).toBe(321);
    const stored = await t.db.models.Company.findById(id).lean();
    expect(stored!.processes.map((p) => p.code)).toEqual(["proc.stamping.progressive"]);
    expect(stored!.searchKey).toContain("dap lien hoan");

    await agent.patch(`/api/companies/${id}`).set(csrf).send({ taxCode: "0100101379" }).expect(400);
    const { agent: vendor, csrf: vendorCsrf } = await signIn(app(), "vendor@ketnoi.demo", DEMO_PASSWORD);
    await t.db.models.Company.updateOne({ _id: id }, { $set: { listed: true } });
    await vendor.patch(`/api/companies/${id}`).set(vendorCsrf).send({ employees: 1 }).expect(403);
    await request(app()).patch(`/api/companies/${id}`).send({ employees: 1 }).expect(401);
  });

  test("a directory page asked again is the same answer with its entity tag (304 when the reader has it); a firm's change shows at the next look", async () => {
    const { agent, session, csrf } = await signIn(app(), "domestic@ketnoi.demo", DEMO_PASSWORD);
    const id = session.user.companyId!;
    // The organiser's directory, which lists every firm (this one may be unlisted).
    const { agent: organiser } = await signIn(app(), "organiser@ketnoi.demo", DEMO_PASSWORD);
    const own = (await organiser.get(`/api/companies/${id}`).expect(200)).body as { legalName: string };
    const url = `/api/companies?q=${encodeURIComponent(normalizeSearchText(own.legalName))}&pageSize=5`;
    const cardIn = (body: unknown) => DirectoryPageSchema.parse(body).data.find((c) => c.id === id);
    const first = await organiser.get(url).expect(200);
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/"/);
    expect(cardIn(first.body)).toBeDefined();
    const again = await organiser.get(url).expect(200);
    expect([again.headers.etag, again.text]).toEqual([tag, first.text]);
    await organiser.get(url).set("If-None-Match", tag).expect(304);

    const employees = (cardIn(first.body)!.employees ?? 0) + 7;
    await agent.patch(`/api/companies/${id}`).set(csrf).send({ employees }).expect(200);
    const after = await organiser.get(url).set("If-None-Match", tag).expect(200);
    expect(after.headers.etag).not.toBe(tag);
    expect(cardIn(after.body)!.employees).toBe(employees);
  });

  test("a self-registered firm appears in the directory only after an organiser approves it; its members are told once", async () => {
    const reg = await registerFirm(app(), t.repos, {
      email: "sales@daesung-vn.example",
      password: "a long enough password",
      name: "Kim Min-jun",
      role: "vendor",
      locale: "ko",
      timeZone: "Asia/Seoul",
      company: { legalName: "Daesung Hanoi Sourcing Co., Ltd.", country: "KR" },
      consents: { personalData: true, profileSharing: true },
    });
    const id = reg.session.user.companyId;
    expect((await search("q=daesung%20hanoi")).total).toBe(0);
    const { agent: vendor, csrf: vendorCsrf } = await signIn(app(), "vendor@ketnoi.demo", DEMO_PASSWORD);
    await vendor.post(`/api/companies/${id}/approve`).set(vendorCsrf).send({}).expect(403);
    const { agent: organiser, csrf } = await signIn(app(), "organiser@ketnoi.demo", DEMO_PASSWORD);
    // Organisers list the registrations awaiting them; nobody else is shown pending firms.
    const waiting = DirectoryPageSchema.parse((await organiser.get("/api/companies?status=pending&pageSize=100").expect(200)).body);
    expect(waiting.data.map((c) => [c.id, c.pending])).toEqual([[id, true]]);
    expect((await search("status=pending")).total).toBe(0);
    await request(app()).get("/api/companies?status=unknown").expect(400);

    await organiser.post(`/api/companies/${id}/approve`).set(csrf).send({}).expect(204);
    expect((await search("q=daesung%20hanoi")).total).toBe(1);
    expect((await search("q=daesung%20hanoi")).data[0]!.pending).toBeUndefined();
    expect((await organiser.get("/api/companies?status=pending").expect(200)).body.total).toBe(0);
    // Approving again tells no one twice; the mail is in the member's language.
    await organiser.post(`/api/companies/${id}/approve`).set(csrf).send({}).expect(204);
    const mail = await t.repos.outbox.listTo("sales@daesung-vn.example");
    expect(mail.filter((m) => m.template === "company_approved").map((m) => m.subject)).toEqual(["Ketnoi에서 귀사가 승인되었습니다"]);
    await organiser.post("/api/companies/0123456789abcdef01234567/approve").set(csrf).send({}).expect(404);
  });
});
