import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { type BadgeView, companyName, type LeadView } from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, signInThroughUi } from "../support/journeys";
import { writeY4m } from "../support/fakeCamera";

// Lead capture at a booth (issue #23): the vendor's phone reads a visitor's badge from the camera
// (Chromium's fake camera plays a video of the badge's QR code, as the api draws it), a note and a
// rating added offline wait on the device and reach the server when the network is back, the firm
// exports its leads, and the visitor sees who scanned them and withdraws.
const EN = { email: "Email", password: "Password", submit: "Sign in" };
const VISITOR = "Trần Thị Hoa";
const NOTE = "Wants a quote for 5-axis milling (noted offline)";

describe("a vendor's staff capture a visitor's badge at the booth", () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let badge: BadgeView;
  let vendorFirm: string;
  const video = path.join(mkdtempSync(path.join(tmpdir(), "ketnoi-badge-")), "badge.y4m");

  /** The vendor's leads as the api has them (its own session, outside the phone's context, which goes offline). */
  const leadsOnServer = async () => {
    const actx = await browser.newContext();
    const leads = ((await (await apiAs(actx.request, demo("vendor"))).get("/leads")).body as { data: LeadView[] }).data;
    await actx.close();
    return leads;
  };

  /** Another person's phone (its own browser context), signed in through the page and opened at `path`. */
  const phoneOf = async (who: Parameters<typeof demo>[0], path: string) => {
    const context = await browser.newContext({
      locale: "en-GB",
      timezoneId: "Asia/Ho_Chi_Minh",
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await signInThroughUi(page, demo(who), EN);
    await page.waitForURL((url) => url.pathname !== "/signin");
    await page.goto(`${stack.baseUrl()}${path}`);
    return { context, page };
  };

  beforeAll(async () => {
    // The visitor's badge: the URL its QR holds, and the QR itself (the api's SVG) as the fake camera's video.
    const prep = await launchBrowser();
    const prepCtx = await prep.newContext();
    const visitor = await apiAs(prepCtx.request, demo("domestic"));
    badge = (await visitor.get("/me/badge")).body as BadgeView;
    const vendorCtx = await prep.newContext();
    const vendor = await apiAs(vendorCtx.request, demo("vendor"));
    const vendorCompany = (await vendor.get("/auth/session")).body.user.companyId as string;
    // A foreign firm is shown by its English name to a reader of any other language.
    vendorFirm = companyName((await vendor.get(`/companies/${vendorCompany}`)).body, "en");
    expect(badge.url).toBe(`${stack.baseUrl()}/badge/${badge.code}`);
    const prepPage = await prepCtx.newPage();
    await prepPage.goto(`${stack.baseUrl()}/api/health`);
    await writeY4m(prepPage, "/api/me/badge/qr.svg", video);
    await prep.close();

    browser = await launchBrowser([`--use-file-for-fake-video-capture=${video}`]);
    ctx = await browser.newContext({
      locale: "en-GB",
      timezoneId: "Asia/Ho_Chi_Minh",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    ctx.setDefaultTimeout(15_000);
    page = await ctx.newPage();
  });
  afterAll(() => browser?.close());

  test("the camera reads the badge and the lead appears with what the scan shares", async () => {
    await signInThroughUi(page, demo("vendor"), EN);
    // The firm's home page first: a menu opened while the page still changes closes with the change.
    await page.getByRole("heading", { name: "Recommended partners" }).waitFor();
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Leads" }).click();
    await page.waitForURL(/\/leads$/);
    await page.getByRole("button", { name: "Start the camera" }).click();
    await page.getByLabel("Camera view").waitFor();
    await page.getByText(/^Badge scanned at .*\.$/).waitFor();
    const lead = page.getByRole("article", { name: VISITOR });
    await lead.waitFor();
    // Name, firm, country and role; no e-mail address, which the visitor has not chosen to share.
    await lead.getByText(/· Vietnam · Domestic firm$/).waitFor();
    await lead.getByText("No e-mail address: the visitor has not chosen to share it with exhibitors.").waitFor();
    await page.getByText("Every scan has been sent.").waitFor();
    await page.getByRole("button", { name: "Stop the camera" }).click();
    await screenshot(page, "leads-scanned-phone");
  });

  test("a note and a rating added offline wait on the device, then reach the server when the network is back", async () => {
    await ctx.setOffline(true);
    const lead = page.getByRole("article", { name: VISITOR });
    await lead.getByLabel("Rating").selectOption("4");
    await lead.getByLabel("Send samples").check();
    await lead.getByLabel("Note").fill(NOTE);
    await lead.getByRole("button", { name: "Save" }).click();
    await lead.getByText("Changes waiting to be sent").waitFor();
    await page.getByText("Offline: 1 scan kept on this device, sent when the network is back.").waitFor();
    await screenshot(page, "leads-offline-pending-phone");
    expect((await leadsOnServer()).find((l) => l.badge === badge.code)?.note).toBe("");

    await ctx.setOffline(false);
    await page.getByText("Every scan has been sent.").waitFor();
    await lead.getByText("Changes waiting to be sent").waitFor({ state: "hidden" });
    const synced = (await leadsOnServer()).find((l) => l.badge === badge.code);
    expect(synced).toMatchObject({ note: NOTE, rating: 4, tags: ["send_samples"], visitor: { name: VISITOR } });
    expect(synced!.visitor).not.toHaveProperty("email");
  });

  test("the firm exports its leads as CSV and XLSX from the page; both hold the note", async () => {
    const csvDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = readFileSync((await (await csvDownload).path())!, "utf8");
    const rows = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.name === VISITOR)).toMatchObject({ note: NOTE, rating: "4", tags: "send_samples", scanned_by: "Sato Kenji" });

    const xlsxDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export Excel" }).click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await (await xlsxDownload).path())!);
    const sheet = book.getWorksheet("Leads")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf("name")]).toBe(VISITOR);
    expect(row[header.indexOf("note")]).toBe(NOTE);
    expect(row[header.indexOf("rating")]).toBe(4);
  });

  test("the visitor sees who scanned their badge and withdraws; the firm's list no longer has them", async () => {
    const { context: vctx, page: vpage } = await phoneOf("domestic", "/account");
    const scans = vpage.getByRole("region", { name: "Who scanned my badge" });
    // The button says what it does; which firm it withdraws from is its description (the firm's name beside it).
    const withdraw = scans.getByRole("button", { name: "Withdraw", exact: true });
    await withdraw.waitFor();
    expect(await withdraw.count()).toBe(1);
    const describedBy = await withdraw.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent);
    expect(describedBy).toBe(vendorFirm);
    await screenshot(vpage, "leads-who-scanned-me-phone");
    await withdraw.click();
    await scans.getByText("No exhibitor has scanned your badge.").waitFor();
    await vctx.close();

    // Another of the firm's phones opens the list: the visitor is gone. The first phone still shows
    // the list as it last read it (and keeps that copy for the hall's Wi-Fi).
    const { context: sctx, page: spage } = await phoneOf("vendor", "/leads");
    await spage.getByText("No leads yet: scan a visitor's badge.").waitFor();
    expect(await spage.getByRole("article", { name: VISITOR }).count()).toBe(0);
    await sctx.close();
    expect((await leadsOnServer()).some((l) => l.badge === badge.code)).toBe(false);
  });

  test("the badge's URL opened by a phone's own camera app: nobody learns whose it is, the firm's staff record the visitor again", async () => {
    const anon = await browser.newContext({ locale: "en-GB" });
    const apage = await anon.newPage();
    await apage.goto(badge.url);
    await apage.getByRole("heading", { name: "Participant badge" }).waitFor();
    await apage.getByRole("link", { name: "Exhibiting? Sign in to record this visitor" }).waitFor();
    expect(await apage.getByText(VISITOR).count()).toBe(0);
    await anon.close();

    // A scan after the withdrawal is a new consent: the lead is back, fresh, and opened, on the phone
    // whose copy of the list still holds the withdrawn lead with its note. The hall's Wi-Fi is slow
    // (the list takes 1.5 s to arrive): the lead opened is the server's, never the old copy's.
    await page.route("**/api/leads", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(badge.url);
    await page.waitForURL(/\/leads\?badge=/);
    const lead = page.getByRole("article", { name: VISITOR });
    await lead.waitFor();
    expect(await lead.getByLabel("Note").inputValue()).toBe("");
    expect(await lead.getByLabel("Rating").inputValue()).toBe("");
    await page.unroute("**/api/leads");
  });
});
