import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { BadgeScanView, LeadSyncResult, LeadView } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { restoreFormulaCell } from "../../../api/src/domain/csvCells";
import { useSeededApp, signIn, FIXED_NOW, TEST_ORIGIN } from "../../support/app";

type Session = Awaited<ReturnType<typeof signIn>>;
const minutes = (n: number) => new Date(FIXED_NOW.getTime() + n * 60_000).toISOString();
let scans = 0;
/** One queued scan as a device sends it. */
const scan = (badge: string, scannedAt: string, extra: object = {}) => ({ scanId: `scan-${++scans}`, badge, scannedAt, ...extra });

describe("lead capture: badge scans, consent, withdrawal, exports", () => {
  const t = useSeededApp("leads");
  let vendor: Session;
  let domestic: Session;
  let otherVendor: Session;
  let visitorBadge: string;
  let visitorUrl: string;

  const sync = async (who: Session, items: object[], language = "en") =>
    (await who.agent.post("/api/leads/sync").set(who.csrf).set("Accept-Language", language).send({ scans: items }).expect(200))
      .body as LeadSyncResult;
  const leadsOf = async (who: Session) =>
    ((await who.agent.get("/api/leads").set("Accept-Language", "en").expect(200)).body as { data: LeadView[] }).data;

  beforeAll(async () => {
    vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const visitor = (await t.repos.users.findByEmail("domestic@ketnoi.demo"))!;
    visitorBadge = await t.repos.badges.codeFor(visitor.id);
    visitorUrl = `${TEST_ORIGIN}/badge/${visitorBadge}`;
    // A second vendor firm's staff member.
    const vendorUser = (await t.repos.users.findByEmail("vendor@ketnoi.demo"))!;
    const other = await t.db.models.Company.findOne({ kind: "foreign", _id: { $ne: vendorUser.companyId } }).lean();
    const hash = (await t.db.models.User.findOne({ email: "vendor@ketnoi.demo" }).lean())!.passwordHash;
    await t.repos.users.create({
      email: "other-vendor@example.kr",
      name: "Park Min-jun",
      role: "vendor",
      companyId: other!._id.toHexString(),
      companyRole: "owner",
      locale: "ko",
      timeZone: "Asia/Seoul",
      consents: [],
      passwordHash: hash,
    });
    otherVendor = await signIn(t.app, "other-vendor@example.kr", DEMO_PASSWORD);
  });

  test("a scan of a badge's URL makes a lead that shows only what a scan shares; the visitor's setting adds the e-mail", async () => {
    const { results } = await sync(vendor, [scan(visitorUrl, minutes(-10))]);
    expect(results).toEqual([expect.objectContaining({ status: "recorded" })]);
    const [lead] = await leadsOf(vendor);
    expect(lead).toMatchObject({
      badge: visitorBadge,
      visitor: { name: "Trần Thị Hoa", role: "domestic", company: { country: "VN" } },
      scannedBy: { name: "Sato Kenji" },
      scannedAt: minutes(-10),
      note: "",
      rating: null,
      tags: [],
    });
    expect(lead!.visitor.company!.name).toMatch(/\S/);
    expect(lead!.visitor).not.toHaveProperty("email");

    await domestic.agent.patch("/api/me/consents").set(domestic.csrf).send({ exhibitorContact: true }).expect(204);
    expect((await leadsOf(vendor))[0]!.visitor.email).toBe("domestic@ketnoi.demo");
    await domestic.agent.patch("/api/me/consents").set(domestic.csrf).send({ exhibitorContact: false }).expect(204);
    expect((await leadsOf(vendor))[0]!.visitor).not.toHaveProperty("email");
  });

  test("a rescan, from another device or several at once, updates the one lead; an edit names the scan it edits", async () => {
    const { results } = await sync(vendor, [
      scan(visitorBadge, minutes(-5), { note: "Wants 5-axis quotes", rating: 4, tags: ["send_quotation", "Hà Nội"] }),
    ]);
    expect(results).toEqual([
      expect.objectContaining({ status: "updated", lead: expect.objectContaining({ note: "Wants 5-axis quotes", rating: 4 }) }),
    ]);
    // Six devices syncing the same badge at once, the latest scan not the last sent: still one lead (the
    // unique index), and it keeps the latest scan time (rescans of one lead are written one at a time).
    await Promise.all([-4, -3.5, -3, -3.25, -3.75, -4.5].map((m) => sync(vendor, [scan(visitorUrl, minutes(m))])));
    const leads = await leadsOf(vendor);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ scannedAt: minutes(-3), note: "Wants 5-axis quotes", rating: 4, tags: ["send_quotation", "Hà Nội"] });
    // An offline edit carries the earlier scan's time: the lead keeps its latest scan time.
    await sync(vendor, [scan(visitorBadge, minutes(-10), { rating: null })]);
    expect((await leadsOf(vendor))[0]).toMatchObject({ scannedAt: minutes(-3), rating: null });
    expect(await t.db.models.Lead.countDocuments({})).toBe(1);
  });

  test("the lead is edited online; another firm neither sees nor edits it; organisers and interpreters read no leads", async () => {
    const [lead] = await leadsOf(vendor);
    const edited = await vendor.agent
      .patch(`/api/leads/${lead!.id}`)
      .set(vendor.csrf)
      .send({ rating: 5, tags: ["send_samples"] })
      .expect(200);
    expect(edited.body).toMatchObject({ id: lead!.id, rating: 5, tags: ["send_samples"], note: "Wants 5-axis quotes" });
    expect(await leadsOf(otherVendor)).toEqual([]);
    await otherVendor.agent.patch(`/api/leads/${lead!.id}`).set(otherVendor.csrf).send({ note: "mine now" }).expect(404);
    expect((await otherVendor.agent.get("/api/leads/export.csv").expect(200)).text).not.toContain("Trần Thị Hoa");
    for (const email of ["organiser@ketnoi.demo", "interpreter@ketnoi.demo"]) {
      const { agent, csrf } = await signIn(t.app, email, DEMO_PASSWORD);
      await agent.get("/api/leads").expect(403);
      await agent
        .post("/api/leads/sync")
        .set(csrf)
        .send({ scans: [scan(visitorBadge, minutes(-1))] })
        .expect(403);
    }
  });

  test("scans that are not leads are refused one by one, each with its reason in the caller's language", async () => {
    const ownCode = await t.repos.badges.codeFor((await t.repos.users.findByEmail("vendor@ketnoi.demo"))!.id);
    const items = [
      scan(`${TEST_ORIGIN}/badge/${"A".repeat(22)}`, minutes(-1)),
      scan("hello", minutes(-1)),
      scan(ownCode, minutes(-1)),
      scan(visitorBadge, minutes(6)),
    ];
    const { results } = await sync(vendor, items, "ja");
    expect(results.map((r) => [r.scanId, r.status, r.reason])).toEqual([
      [items[0]!.scanId, "refused", "leadUnknownBadge"],
      [items[1]!.scanId, "refused", "leadUnknownBadge"],
      [items[2]!.scanId, "refused", "leadOwnFirm"],
      [items[3]!.scanId, "refused", "leadFutureScan"],
    ]);
    expect(results[2]!.message).toBe("自社スタッフのバッジです。");
    expect(results[3]!.message).toMatch(/未来/);
  });

  test("bad input is a 400 naming the field, in the caller's language", async () => {
    const bad = await vendor.agent
      .post("/api/leads/sync")
      .set(vendor.csrf)
      .set("Accept-Language", "vi")
      .send({ scans: [scan(visitorBadge, "yesterday", { rating: 6 })] })
      .expect(400);
    expect(bad.body.error).toMatchObject({ code: "validation_failed", message: "Một số trường chưa hợp lệ." });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["scans.0.rating", "scans.0.scannedAt"]);
    await vendor.agent.post("/api/leads/sync").set(vendor.csrf).send({ scans: [] }).expect(400);
    const [lead] = await leadsOf(vendor);
    const empty = await vendor.agent.patch(`/api/leads/${lead!.id}`).set(vendor.csrf).set("Accept-Language", "ko").send({}).expect(400);
    expect(empty.body.error.fields).toEqual({ body: "변경할 내용이 없습니다." });
    await vendor.agent
      .patch(`/api/leads/${lead!.id}`)
      .set(vendor.csrf)
      .send({ note: "x".repeat(2001) })
      .expect(400);
  });

  test("the CSV and XLSX exports hold the same rows; a note a spreadsheet would evaluate is quoted in the CSV, a text cell in the workbook", async () => {
    const [lead] = await leadsOf(vendor);
    await vendor.agent.patch(`/api/leads/${lead!.id}`).set(vendor.csrf).send({ note: '=HYPERLINK("http://evil.example")\nline two' }).expect(200);
    const csv = await vendor.agent.get("/api/leads/export.csv").expect(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const csvRows = parse(csv.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(csvRows).toHaveLength(1);
    expect(csvRows[0]!.note).toBe('\'=HYPERLINK("http://evil.example")\nline two');

    const xlsx = await vendor.agent
      .get("/api/leads/export.xlsx")
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers["content-disposition"]).toMatch(/ketnoi-leads\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.getWorksheet("Leads")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(Object.keys(csvRows[0]!));
    const sheetRows: Record<string, string>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = (row.values as unknown[]).slice(1);
      // No cell is a formula: each is the value as written.
      expect(cells.some((c) => typeof c === "object" && c !== null)).toBe(false);
      sheetRows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] === undefined ? "" : String(cells[i])])));
    });
    const restored = csvRows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, restoreFormulaCell(v)])));
    expect(sheetRows).toEqual(restored);
    expect(restored[0]).toMatchObject({
      name: "Trần Thị Hoa",
      role: "domestic",
      country: "VN",
      email: "",
      rating: "5",
      tags: "send_samples",
      note: '=HYPERLINK("http://evil.example")\nline two',
      scanned_by: "Sato Kenji",
      // The vendor's own zone (the demo vendor works from Tokyo).
      scanned_at: expect.stringMatching(/\+09:00$/),
    });
  });

  test("the visitor sees who scanned them and withdraws: gone from the list and exports; an older queued scan is refused, a new scan is a new consent", async () => {
    const mine = ((await domestic.agent.get("/api/me/badge-scans").set("Accept-Language", "en").expect(200)).body as { data: BadgeScanView[] }).data;
    const vendorCompany = (await t.repos.users.findByEmail("vendor@ketnoi.demo"))!.companyId;
    expect(mine).toEqual([{ id: expect.any(String), company: expect.objectContaining({ id: vendorCompany }), scannedAt: minutes(-3) }]);
    // The download of my data says so too.
    const myData = (await domestic.agent.get("/api/me/data").expect(200)).body as { badgeScans: { country: string; scannedAt: string }[] };
    expect(myData.badgeScans).toEqual([{ company: expect.any(String), country: "JP", scannedAt: minutes(-3) }]);
    // Nobody else withdraws it for them.
    await otherVendor.agent.delete(`/api/me/badge-scans/${mine[0]!.id}`).set(otherVendor.csrf).expect(404);

    await domestic.agent.delete(`/api/me/badge-scans/${mine[0]!.id}`).set(domestic.csrf).expect(204);
    expect(await leadsOf(vendor)).toEqual([]);
    expect((await vendor.agent.get("/api/leads/export.csv").expect(200)).text).not.toContain("Trần Thị Hoa");
    expect((await domestic.agent.get("/api/me/badge-scans").expect(200)).body.data).toEqual([]);
    expect((await domestic.agent.get("/api/me/data").expect(200)).body.badgeScans).toEqual([]);
    // What the firm wrote is erased with the withdrawal; only the tombstone is kept.
    const tombstone = await t.db.models.Lead.findOne({}).lean();
    expect(tombstone).toMatchObject({ withdrawnAt: FIXED_NOW });
    expect(tombstone).not.toHaveProperty("note");

    // A device that queued a scan (or an edit) before the withdrawal syncs it late: refused, with why.
    const late = await sync(vendor, [scan(visitorUrl, minutes(-2), { note: "queued offline" })], "en");
    expect(late.results).toEqual([
      expect.objectContaining({
        status: "refused",
        reason: "leadWithdrawn",
        message: "The visitor withdrew their consent after this scan, so it is not recorded.",
      }),
    ]);
    expect(await leadsOf(vendor)).toEqual([]);

    // Visiting the booth again later and being scanned is a new consent: a fresh lead.
    const again = await sync(vendor, [scan(visitorBadge, minutes(1))]);
    expect(again.results).toEqual([
      expect.objectContaining({ status: "recorded", lead: expect.objectContaining({ note: "", rating: null, tags: [] }) }),
    ]);
    expect(await leadsOf(vendor)).toHaveLength(1);
  });

  test("a firm awaiting approval does not collect leads; an account deleted takes its leads with it", async () => {
    const otherUser = (await t.repos.users.findByEmail("other-vendor@example.kr"))!;
    await t.db.models.Company.updateOne({ _id: otherUser.companyId }, { $set: { status: "pending" } });
    const refused = await otherVendor.agent
      .post("/api/leads/sync")
      .set(otherVendor.csrf)
      .set("Accept-Language", "en")
      .send({ scans: [scan(visitorBadge, minutes(0))] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.fields).toEqual({ company: "Your company is waiting for the organisers' approval." });
    await t.db.models.Company.updateOne({ _id: otherUser.companyId }, { $set: { status: "approved" } });

    // The other firm scans the demo vendor; the vendor's account then goes, and its lead with it.
    const vendorCode = await t.repos.badges.codeFor((await t.repos.users.findByEmail("vendor@ketnoi.demo"))!.id);
    expect((await sync(otherVendor, [scan(vendorCode, minutes(0))])).results[0]!.status).toBe("recorded");
    await vendor.agent.post("/api/me/delete").set(vendor.csrf).send({ password: DEMO_PASSWORD }).expect(204);
    expect(await leadsOf(otherVendor)).toEqual([]);
  });
});
