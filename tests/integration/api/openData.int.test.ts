import request from "supertest";
import { parse } from "csv-parse/sync";
import { useSeededApp, TEST_ORIGIN } from "../../support/app";
import { buildCompany, buildUser } from "../../support/factories";
import { DEMO_DAYS, FIXED_NOW } from "../../support/clock";
import { generateDemoFair } from "../../../api/src/seed/demoFair";

const shift = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

/**
 * The public CNHT data (issue #21): statistics, downloads, firm pages and the sitemap show the firms
 * that consent (listed, approved, taking part in an event) and nothing about people.
 */
describe("the public CNHT data", () => {
  const t = useSeededApp("opendata");
  const year = Number(DEMO_DAYS[0].slice(0, 4));
  const ids = { both: "", lastYearOnly: "", unlisted: "", pending: "", pendingRegistration: "" };
  const secret = { email: "consent.secret@kanto-press.example", name: "Sato Haruki Secret" };

  beforeAll(async () => {
    const current = (await t.repos.fairs.findCurrent(FIXED_NOW))!;
    // Last year's fair: the same set-up a year earlier.
    const setup = generateDemoFair(DEMO_DAYS).fair;
    const last = await t.repos.fairs.upsertBySlug({ ...setup, slug: "cnht-last-year", days: setup.days.map((d) => shift(d, -1)) });
    const both = await buildCompany(t.repos, { legalName: "Công ty Cơ khí Hai Năm", englishName: "Two Years Mechanical", district: "Đông Anh" });
    const lastYearOnly = await buildCompany(t.repos, { legalName: "Công ty Năm Ngoái", district: "Hoàng Mai", fairId: last.id });
    const unlisted = await buildCompany(t.repos, { legalName: "Công ty Không Đồng Ý", listed: false });
    const pending = await buildCompany(t.repos, { legalName: "Công ty Chờ Duyệt", status: "pending" });
    const pendingRegistration = await buildCompany(t.repos, { legalName: "Công ty Đăng Ký Chờ", fairId: last.id });
    Object.assign(ids, {
      both: both.id,
      lastYearOnly: lastYearOnly.id,
      unlisted: unlisted.id,
      pending: pending.id,
      pendingRegistration: pendingRegistration.id,
    });
    await t.repos.participations.register({ fairId: last.id, companyId: both.id, status: "approved", participation: "onsite" });
    await t.repos.participations.register({ fairId: last.id, companyId: unlisted.id, status: "approved", participation: "onsite" });
    // Registered for this year's fair but not approved there; approved last year it is public, so take last year's away.
    await t.db.models.Participation.deleteOne({ _id: `${last.id}:${pendingRegistration.id}` });
    await t.repos.participations.register({ fairId: current.id, companyId: pendingRegistration.id, status: "pending", participation: "onsite" });
    await buildUser(t.repos, { email: secret.email, name: secret.name, companyId: both.id });
    await t.repos.revisions.bump("companies");
  });

  const hidden = () => [ids.unlisted, ids.pending, ids.pendingRegistration];
  const hiddenNames = ["Công ty Không Đồng Ý", "Công ty Chờ Duyệt", "Công ty Đăng Ký Chờ"];

  test("firms.json and firms.csv hold the consenting firms, the same rows, and no firm that did not consent", async () => {
    const json = await request(t.app)
      .get("/api/open-data/firms.json")
      .expect(200)
      .expect("content-type", /application\/json/);
    const body = JSON.parse(json.text) as { licence: { name: string }; firms: Record<string, unknown>[] };
    expect(body.licence.name).toBe("CC BY 4.0");
    const byId = new Map(body.firms.map((f) => [f.id as string, f]));
    expect(byId.get(ids.both)).toMatchObject({ legalName: "Công ty Cơ khí Hai Năm", englishName: "Two Years Mechanical", years: [year - 1, year] });
    expect(byId.get(ids.both)!.page).toMatch(new RegExp(`^${TEST_ORIGIN}/cnht/firms/two-years-mechanical-${ids.both}$`));
    expect(byId.get(ids.lastYearOnly)).toMatchObject({ years: [year - 1], district: "Hoàng Mai" });
    for (const id of hidden()) expect(byId.has(id)).toBe(false);

    const csv = await request(t.app)
      .get("/api/open-data/firms.csv")
      .expect(200)
      .expect("content-type", /text\/csv/);
    const rows = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(body.firms.map((f) => f.id));
    for (const [i, r] of rows.entries()) {
      const f = body.firms[i]!;
      expect(r).toEqual({
        id: f.id,
        legal_name: f.legalName,
        english_name: f.englishName ?? "",
        kind: f.kind,
        country: f.country,
        district: f.district ?? "",
        sectors: (f.sectors as string[]).join(";"),
        processes: (f.processes as string[]).join(";"),
        certifications: (f.certifications as { code: string; validUntil: string | null }[])
          .map((c) => (c.validUntil ? `${c.code}:${c.validUntil}` : c.code))
          .join(";"),
        size_band: f.sizeBand,
        years: (f.years as number[]).join(";"),
        page: f.page,
      });
    }
  });

  test("the statistics count consenting firms only, each year apart: a firm in both years counts in each, as new once", async () => {
    const { body } = await request(t.app).get("/api/open-data/statistics").expect(200);
    const firms = (JSON.parse((await request(t.app).get("/api/open-data/firms.json")).text) as { firms: { kind: string; years: number[] }[] }).firms;
    const domestic = firms.filter((f) => f.kind === "domestic");
    expect(body.firms).toBe(domestic.length);
    const [last, current] = body.years as { year: number; firms: number; newFirms: number; events: number }[];
    // Last year: the two-year firm and last year's own (the unlisted firm took part too, and does not count).
    expect(last).toMatchObject({ year: year - 1, events: 1, firms: 2, newFirms: 2 });
    // This year: every public domestic firm but last year's own; new are all of them but the two-year firm.
    const thisYear = domestic.filter((f) => f.years.includes(year)).length;
    expect(current).toMatchObject({ year, events: 1, firms: thisYear, newFirms: thisYear - 1 });
    expect(body.byDistrict["Hoàng Mai"]).toBeGreaterThanOrEqual(1);

    // Withdrawing consent takes the firm out of the next answer (a company write bumps the revision).
    await t.repos.companies.update(ids.lastYearOnly, { listed: false });
    const after = (await request(t.app).get("/api/open-data/statistics").expect(200)).body;
    expect(after.years[0]).toMatchObject({ firms: 1, newFirms: 1 });
    expect(after.firms).toBe(body.firms - 1);
    await t.repos.companies.update(ids.lastYearOnly, { listed: true });
  });

  test("statistics.csv holds the JSON's figures, one per row", async () => {
    const { body } = await request(t.app).get("/api/open-data/statistics").expect(200);
    const rows = parse((await request(t.app).get("/api/open-data/statistics.csv").expect(200)).text, { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const value = (measure: string, key = "") => Number(rows.find((r) => r.measure === measure && r.key === key)?.value);
    expect(value("firms")).toBe(body.firms);
    expect(value("year_firms", String(year - 1))).toBe(body.years[0].firms);
    expect(value("year_new_firms", String(year))).toBe(body.years[1].newFirms);
    expect(value("firms_by_district", "Hoàng Mai")).toBe(body.byDistrict["Hoàng Mai"]);
  });

  test("nothing personal and no firm that did not consent in any output", async () => {
    const users = await t.repos.users.listAll();
    expect(users.some((u) => u.email === secret.email)).toBe(true);
    const firmPage = await request(t.app).get(`/cnht/firms/${ids.both}`).redirects(1).expect(200);
    const outputs = [
      (await request(t.app).get("/api/open-data/firms.json")).text,
      (await request(t.app).get("/api/open-data/firms.csv")).text,
      (await request(t.app).get("/api/open-data/statistics")).text,
      (await request(t.app).get("/api/open-data/statistics.csv")).text,
      (await request(t.app).get("/sitemap.xml")).text,
      (await request(t.app).get("/cnht/firms")).text,
      firmPage.text,
    ];
    for (const text of outputs) {
      for (const u of users) {
        expect(text.includes(u.email) ? u.email : "").toBe("");
        expect(text.includes(u.name) ? u.name : "").toBe("");
      }
      for (const id of hidden()) expect(text.includes(id) ? id : "").toBe("");
      for (const name of hiddenNames) expect(text.includes(name) ? name : "").toBe("");
    }
  });

  test("a firm's page is HTML to read without scripts, in the reader's language; one that did not consent is 404", async () => {
    const old = await request(t.app).get(`/cnht/firms/old-name-${ids.both}?lang=en`).expect(301);
    expect(old.headers.location).toBe(`/cnht/firms/two-years-mechanical-${ids.both}?lang=en`);
    const en = await request(t.app)
      .get(String(old.headers.location))
      .expect(200)
      .expect("content-type", /text\/html/);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain("<title>Two Years Mechanical – CNHT Hanoi – supporting industries</title>");
    expect(en.text).toMatch(/<meta name="description" content="Two Years Mechanical: Hanoi firm/);
    expect(en.text).toContain("<h1>Two Years Mechanical</h1>");
    expect(en.text).toContain(`${year - 1}, ${year}`);
    expect(en.text).toContain('href="/data"');
    expect(en.text).not.toMatch(/<script/i);
    const vi = await request(t.app).get(`/cnht/firms/two-years-mechanical-${ids.both}`).set("Accept-Language", "vi").expect(200);
    expect(vi.text).toContain('<html lang="vi">');
    expect(vi.text).toContain("<h1>Công ty Cơ khí Hai Năm</h1>");
    expect(vi.text).toContain("Các năm tham gia");
    for (const id of hidden()) {
      const res = await request(t.app).get(`/cnht/firms/x-${id}`).expect(404);
      expect(res.text).toContain("<html");
    }
    await request(t.app).get("/cnht/firms/not-an-id").expect(404);
  });

  test("the sitemap lists every public firm's page and the data page; robots.txt points to it", async () => {
    const sitemap = await request(t.app).get("/sitemap.xml").expect(200).expect("content-type", /xml/);
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const firms = (JSON.parse((await request(t.app).get("/api/open-data/firms.json")).text) as { firms: { page: string }[] }).firms;
    expect(locs).toEqual([`${TEST_ORIGIN}/data`, `${TEST_ORIGIN}/cnht/firms`, ...firms.map((f) => f.page)]);
    const robots = await request(t.app)
      .get("/robots.txt")
      .expect(200)
      .expect("content-type", /text\/plain/);
    expect(robots.text).toContain(`Sitemap: ${TEST_ORIGIN}/sitemap.xml`);
  });

  test("the dictionary states the licence and describes every column of the downloads, in the reader's language", async () => {
    const { body } = await request(t.app).get("/api/open-data/dictionary.json").set("Accept-Language", "ja").expect(200);
    expect(body.language).toBe("ja");
    expect(body.licence).toMatchObject({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
    const header = (await request(t.app).get("/api/open-data/firms.csv")).text
      .replace(/^\uFEFF/, "")
      .split("\n")[0]!
      .split(",");
    expect(body.files[0].fields.map((f: { csv: string }) => f.csv)).toEqual(header);
    expect(body.files[0].fields.find((f: { csv: string }) => f.csv === "years").description).toContain("年");
  });
});
