import ExcelJS from "exceljs";
import request from "supertest";
import { DateTime } from "luxon";
import { PLAN_DEFAULT_TARGETS, ProgrammeProgressSchema, ProgrammeTargetsSchema, type ProgrammeTargetsBody } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { generateDemoFair } from "../../../api/src/seed/demoFair";
import { signIn, useSeededApp, FIXED_NOW } from "../../support/app";
import { DEMO_DAYS } from "../../support/clock";
import { buildCompany } from "../../support/factories";
import { readPdfText, type PdfTextItem } from "../../support/pdfText";

// Issue #21: the year's programme targets, progress across every event of the year, and the report
// to the People's Committee (PDF and XLSX). Figures are checked against data this file adds on top of
// the demo fair, and against the demo's own registrations read straight from the database.
const YEAR = Number(DEMO_DAYS.at(-1)!.slice(0, 4));
const binary = (req: request.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("end", () => done(null, Buffer.concat(chunks)));
  });
const vi = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
const until = (day: string) => new Date(`${day}T00:00:00Z`);

describe("programme targets and the report", () => {
  const t = useSeededApp("programme-report");
  let organiser: Awaited<ReturnType<typeof signIn>>;
  /** The demo's approved Hanoi firms and makers, counted from the database. */
  const demo = { domestic: 0, held: 0, fairSlug: "" };
  const added = { week: "", mission: "", old: "", newFirm: "", keyFirm: "" };

  beforeAll(async () => {
    organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const fair = (await t.repos.fairs.findCurrent(FIXED_NOW))!;
    demo.fairSlug = fair.slug;
    const regs = (await t.repos.participations.listForFair(fair.id)).filter((r) => r.status === "approved");
    const firms = await t.db.models.Company.find({ _id: { $in: regs.map((r) => r.companyId) } }).lean();
    demo.domestic = firms.filter((f) => f.kind === "domestic").length;
    demo.held = await t.db.models.Meeting.countDocuments({ fairId: fair.id, status: "held" });
  });

  /** Two more events in the demo's year (an online week, an outbound mission) and one the year before, with firms of their own. */
  async function addEvents() {
    const template = generateDemoFair(DEMO_DAYS).fair;
    const event = async (slug: string, kind: "online" | "mission" | "hybrid", days: string[], name: string) =>
      (await t.repos.fairs.upsertBySlug({ ...template, slug, kind, days, name: { vi: name, en: name } })).id;
    const week = await event("tuan-ket-noi-truc-tuyen", "online", [`${YEAR}-06-08`, `${YEAR}-06-12`], "Tuần kết nối trực tuyến CNHT");
    const mission = await event("doan-xuc-tien-nhat-ban", "mission", [`${YEAR}-09-14`, `${YEAR}-09-16`], "Đoàn xúc tiến tại Nhật Bản");
    const old = await event("hoi-cho-nam-truoc", "hybrid", [`${YEAR - 1}-11-19`, `${YEAR - 1}-11-20`], "Hội chợ CNHT năm trước");
    added.week = week;
    added.mission = mission;
    added.old = old;

    // A demo firm that also joins the week and the mission: counted once as a Hanoi firm, once as a mission firm.
    const demoFirm = (await t.db.models.Company.findOne({ kind: "domestic", status: "approved" }).lean())!._id.toHexString();
    const register = (fairId: string, companyId: string, status: "approved" | "pending" = "approved") =>
      t.repos.participations.register({ fairId, companyId, status, participation: "remote" });
    await register(week, demoFirm);
    await register(mission, demoFirm);
    // New to the programme this year: IATF 16949 valid through the week, two key products recognised this year; also on the mission.
    const newFirm = await buildCompany(t.repos, {
      fairId: week,
      legalName: "Công ty CP Cơ khí Chính xác Đông Anh",
      certifications: [{ code: "cert.iatf16949", validUntil: until(`${YEAR}-06-12`) }],
      products: [
        { name: { vi: "Khuôn dập" }, keyIndustrialProductYear: YEAR },
        { name: { vi: "Bánh răng" }, keyIndustrialProductYear: YEAR },
        { name: { vi: "Trục" }, keyIndustrialProductYear: YEAR - 2 },
      ],
    });
    added.newFirm = newFirm.id;
    await register(mission, newFirm.id);
    // A Japanese maker and a German buyer at the week; a Korean maker met only abroad, on the mission.
    await buildCompany(t.repos, { kind: "foreign", country: "JP", fairId: week, offers: [{ code: "tech.cnc" }] });
    await buildCompany(t.repos, { kind: "foreign", country: "DE", fairId: week, offers: [] });
    await buildCompany(t.repos, { kind: "foreign", country: "KR", fairId: mission, offers: [{ code: "tech.cnc" }] });
    // Last year's fair only, certified with a key product of this year: not in this year's figures.
    const oldFirm = await buildCompany(t.repos, {
      fairId: old,
      certifications: [{ code: "cert.iso9001" }],
      products: [{ name: { vi: "Van" }, keyIndustrialProductYear: YEAR }],
    });
    added.keyFirm = oldFirm.id;
    // Waiting for approval at the week: not counted yet.
    await buildCompany(t.repos, { fairId: week, status: "pending", certifications: [{ code: "cert.iso9001" }] });
  }

  test("a year's targets are the plans' until organisers enter them; then they are stored and read back", async () => {
    const before = ProgrammeTargetsSchema.parse((await organiser.agent.get(`/api/programme/${YEAR}/targets`).expect(200)).body);
    expect(before).toEqual({ year: YEAR, targets: PLAN_DEFAULT_TARGETS, entered: false });
    expect(before.targets.domesticFirms).toEqual({ min: 920, max: 920 });
    expect(before.targets.technologyMakers).toEqual({ min: 30, max: 40 });

    const entered: ProgrammeTargetsBody = { ...PLAN_DEFAULT_TARGETS, domesticFirms: { min: 950, max: 950 }, missionFirms: { min: 2, max: 4 } };
    const put = await organiser.agent.put(`/api/programme/${YEAR}/targets`).set(organiser.csrf).send(entered).expect(200);
    expect(put.body).toMatchObject({ year: YEAR, targets: entered, entered: true });
    const after = ProgrammeTargetsSchema.parse((await organiser.agent.get(`/api/programme/${YEAR}/targets`).expect(200)).body);
    expect(after).toMatchObject({ targets: entered, entered: true });
    expect(await t.db.models.ProgrammeTargets.countDocuments()).toBe(1);
    // Another year keeps the plans' figures.
    expect((await organiser.agent.get(`/api/programme/${YEAR + 1}/targets`).expect(200)).body).toMatchObject({ entered: false });
  });

  test("bad targets are refused field by field in the caller's language, and a year that is not one is a 400", async () => {
    const bad = { ...PLAN_DEFAULT_TARGETS, technologyMakers: { min: 40, max: 30 }, keyProducts: { min: -1, max: 3 } };
    const res = await organiser.agent.put(`/api/programme/${YEAR}/targets`).set(organiser.csrf).set("Accept-Language", "vi").send(bad).expect(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["keyProducts.min", "technologyMakers.max"]);
    await organiser.agent.get("/api/programme/next/targets").expect(400);
    await organiser.agent.get("/api/programme/1999/progress").expect(400);
  });

  test("progress counts approved firms across the year's events, each once; another year's event does not count", async () => {
    const base = ProgrammeProgressSchema.parse((await organiser.agent.get(`/api/programme/${YEAR}/progress`).expect(200)).body);
    expect(base.events.map((e) => e.slug)).toEqual([demo.fairSlug]);
    expect(base.progress.domesticFirms).toBe(demo.domestic);
    expect(base.events[0]!).toMatchObject({ firms: expect.any(Number), meetingsHeld: demo.held });
    await addEvents();

    const now = ProgrammeProgressSchema.parse((await organiser.agent.get(`/api/programme/${YEAR}/progress`).expect(200)).body);
    expect(now.events.map((e) => e.slug)).toEqual([demo.fairSlug, "tuan-ket-noi-truc-tuyen", "doan-xuc-tien-nhat-ban"].sort(byDay(now)));
    const d = (m: keyof typeof now.progress) => now.progress[m] - base.progress[m];
    expect(d("domesticFirms")).toBe(1); // the new firm; the demo firm at the week is counted once
    expect(d("certifiedFirms")).toBe(1); // IATF 16949 valid on the week's last day
    expect(d("technologyMakers")).toBe(1); // the Japanese maker; not the buyer, not the maker met abroad
    expect(now.progress.missionFirms - base.progress.missionFirms).toBe(2);
    expect(d("keyProductFirms")).toBe(1);
    expect(d("keyProducts")).toBe(2);
    const week = now.events.find((e) => e.slug === "tuan-ket-noi-truc-tuyen")!;
    expect(week).toMatchObject({ kind: "online", firms: 4, domesticFirms: 2, foreignFirms: 2, meetingsHeld: 0 });
    expect(now.events.find((e) => e.slug === "doan-xuc-tien-nhat-ban")).toMatchObject({ kind: "mission", firms: 3, domesticFirms: 2 });

    // Last year: only its own event and firm.
    const last = ProgrammeProgressSchema.parse((await organiser.agent.get(`/api/programme/${YEAR - 1}/progress`).expect(200)).body);
    expect(last.events.map((e) => e.slug)).toEqual(["hoi-cho-nam-truoc"]);
    expect(last.progress).toMatchObject({ domesticFirms: 1, certifiedFirms: 1, keyProductFirms: 0, keyProducts: 0 });
  });

  test("the PDF report: Vietnamese, A4, the figures of the year against its targets, each event, made in Hanoi time", async () => {
    const progress = ProgrammeProgressSchema.parse((await organiser.agent.get(`/api/programme/${YEAR}/progress`).expect(200)).body);
    const res = await binary(organiser.agent.get(`/api/programme/${YEAR}/report.pdf`)).expect(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename=bao-cao-chuong-trinh-${YEAR}.pdf`);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const { pages, items } = await readPdfText(pdf);
    const all = pages.join("\n");
    for (const heading of [
      "BÁO CÁO",
      "I. KẾT QUẢ SO VỚI CHỈ TIÊU",
      "II. KẾT QUẢ THEO SỰ KIỆN",
      "III. CÁCH TÍNH SỐ LIỆU",
      "Kính gửi: Ủy ban nhân dân thành phố Hà Nội",
    ])
      expect(all).toContain(heading);
    expect(all).toContain(`năm ${YEAR}`);
    for (const name of ["Tuần kết nối trực tuyến CNHT", "Đoàn xúc tiến tại Nhật Bản"]) expect(all).toContain(name);
    expect(all).not.toContain("Hội chợ CNHT năm trước");
    const hanoi = DateTime.fromJSDate(FIXED_NOW).setZone("Asia/Ho_Chi_Minh");
    expect(all).toContain(`lập lúc ${hanoi.toFormat("HH:mm dd/MM/yyyy")} (giờ Hà Nội)`);

    // Each target's row: its label, the target entered (950; missions 2–4), the figure counted and the share of the target.
    const row = (label: string) => {
      const found = rowsOf(items, label);
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    expect(row("Doanh nghiệp CNHT")).toContain(`950 ${vi(progress.progress.domesticFirms)}`);
    const pct = (n: number, of: number) => `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format((n / of) * 100)}%`;
    expect(row("Doanh nghiệp CNHT")).toContain(pct(progress.progress.domesticFirms, 950));
    expect(row("Doanh nghiệp tham gia đoàn")).toContain(`2–4 ${vi(progress.progress.missionFirms)} ${pct(progress.progress.missionFirms, 2)}`);
    expect(row("Doanh nghiệp đạt tiêu")).toContain(`300 ${vi(progress.progress.certifiedFirms)}`);
    expect(row("Sản phẩm được công")).toContain(`30–35 ${vi(progress.progress.keyProducts)}`);
    // The events' table: the week's firms (4), Hanoi (2), foreign (2), meetings held (0).
    expect(rowsOf(items, "Tuần kết nối")).toContainEqual(
      expect.stringMatching(new RegExp(`^\\d Tuần kết nối.* Kết nối trực.* 08–12/06/${YEAR} 4 2 2 0$`)),
    );
    expect(all).toContain("IATF 16949");
  });

  test("the XLSX workbook has the same figures, each event, and each firm with what it counts towards", async () => {
    const progress = ProgrammeProgressSchema.parse((await organiser.agent.get(`/api/programme/${YEAR}/progress`).expect(200)).body);
    const res = await binary(organiser.agent.get(`/api/programme/${YEAR}/report.xlsx`)).expect(200);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename=bao-cao-chuong-trinh-${YEAR}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Sự kiện", "Doanh nghiệp", "Cách tính"]);
    const rows = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      const out: Record<string, unknown>[] = [];
      sheet.eachRow((r, n) => {
        if (n > 1) out.push(Object.fromEntries(header.map((h, i) => [h, (r.values as unknown[])[i + 1]])));
      });
      return out;
    };
    const targets = rows("Chỉ tiêu");
    expect(targets.map((r) => [r.Mã, r["Kế hoạch (thấp)"], r["Kế hoạch (cao)"], r["Thực hiện"]])).toEqual([
      ["domesticFirms", 950, 950, progress.progress.domesticFirms],
      ["certifiedFirms", 300, 300, progress.progress.certifiedFirms],
      ["technologyMakers", 30, 40, progress.progress.technologyMakers],
      ["missionFirms", 2, 4, progress.progress.missionFirms],
      ["keyProductFirms", 20, 25, progress.progress.keyProductFirms],
      ["keyProducts", 30, 35, progress.progress.keyProducts],
    ]);
    const events = rows("Sự kiện");
    expect(events.map((e) => e["Mã sự kiện"])).toEqual(progress.events.map((e) => e.slug));
    expect(events.find((e) => e["Mã sự kiện"] === "tuan-ket-noi-truc-tuyen")).toMatchObject({
      "DN tham gia": 4,
      "DN Hà Nội": 2,
      "Ngày cuối": `${YEAR}-06-12`,
    });
    const firms = rows("Doanh nghiệp");
    // The firm-level rows add up to the figures.
    for (const m of ["domesticFirms", "certifiedFirms", "technologyMakers", "missionFirms", "keyProductFirms"] as const)
      expect(firms.reduce((n, f) => n + Number(f[m]), 0)).toBe(progress.progress[m]);
    expect(firms.reduce((n, f) => n + Number(f.keyProducts), 0)).toBe(progress.progress.keyProducts);
    const newFirm = firms.find((f) => f["Mã doanh nghiệp"] === added.newFirm)!;
    expect(newFirm).toMatchObject({ domesticFirms: 1, certifiedFirms: 1, missionFirms: 1, keyProductFirms: 1, keyProducts: 2 });
    expect(newFirm["Sự kiện tham gia"]).toBe("tuan-ket-noi-truc-tuyen; doan-xuc-tien-nhat-ban");
    expect(firms.some((f) => f["Mã doanh nghiệp"] === added.keyFirm)).toBe(false);
  });

  test("only organisers: a firm, a vendor, an interpreter and an anonymous caller are refused every programme endpoint", async () => {
    const paths = ["targets", "progress", "report.pdf", "report.xlsx"].map((p) => `/api/programme/${YEAR}/${p}`);
    for (const who of ["domestic", "vendor", "interpreter"]) {
      const { agent, csrf } = await signIn(t.app, `${who}@ketnoi.demo`, DEMO_PASSWORD);
      for (const path of paths) await agent.get(path).expect(403);
      await agent.put(`/api/programme/${YEAR}/targets`).set(csrf).send(PLAN_DEFAULT_TARGETS).expect(403);
    }
    for (const path of paths) await request(t.app).get(path).expect(401);
    await request(t.app).put(`/api/programme/${YEAR}/targets`).send(PLAN_DEFAULT_TARGETS).expect(401);
    // Nothing they sent was stored: the organiser's 950 stands.
    expect((await organiser.agent.get(`/api/programme/${YEAR}/targets`).expect(200)).body.targets.domesticFirms).toEqual({ min: 950, max: 950 });
  });
});

/** Events in the order of their first day (as the report lists them). */
function byDay(p: { events: { slug: string; days: string[] }[] }) {
  const first = new Map(p.events.map((e) => [e.slug, e.days[0]!]));
  return (a: string, b: string) => first.get(a)!.localeCompare(first.get(b)!);
}

/**
 * The text of each line in the PDF that has a piece starting with `label` (a chart's row, a table's
 * row): the pieces on that page at about its height, left to right.
 */
function rowsOf(pages: PdfTextItem[][], label: string, tolerance = 9): string[] {
  return pages.flatMap((items) =>
    items
      .filter((i) => i.str.startsWith(label))
      .map((at) =>
        items
          .filter((i) => Math.abs(i.y - at.y) <= tolerance && i.str.trim())
          .sort((a, b) => a.x - b.x)
          .map((i) => i.str.trim())
          .join(" "),
      ),
  );
}
