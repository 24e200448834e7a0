import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { FairSummary, MeetingView, PlanTargets } from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, signInThroughUi } from "../support/journeys";
import { writeY4m } from "../support/fakeCamera";

// The organiser's console against the real stack: the check-in desk reads a meeting's QR code from
// the device camera (Chromium's fake camera plays a video of the api's QR code), the dashboard's
// charts, and company import with a report of bad lines. (The auto-scheduler is driven at the end
// of firmJourney.e2e.test.ts, so that publishing cannot race the firm's open requests.)
const EN = { email: "Email", password: "Password", submit: "Sign in" };

describe("the organiser's console", () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let onsite: MeetingView;
  const video = path.join(mkdtempSync(path.join(tmpdir(), "ketnoi-cam-")), "qr.y4m");

  beforeAll(async () => {
    // First, a video of a booked onsite meeting's QR code for the fake camera.
    const prep = await launchBrowser();
    const prepCtx = await prep.newContext();
    const api = await apiAs(prepCtx.request, demo("organiser"));
    // One whose check-in window is still ahead (checkInOffline moves a meeting of its own to now).
    const windowAhead = (m: MeetingView) => Date.parse(m.slot!.start) - 15 * 60_000 > Date.now() + 10 * 60_000;
    onsite = ((await api.get("/meetings?status=booked")).body as MeetingView[]).find((m) => m.mode === "onsite" && windowAhead(m))!;
    expect(onsite).toBeDefined();
    const prepPage = await prepCtx.newPage();
    await prepPage.goto(`${stack.baseUrl()}/api/health`);
    await writeY4m(prepPage, `/api/meetings/${onsite.id}/check-in-code`, video);
    await prep.close();

    browser = await launchBrowser([`--use-file-for-fake-video-capture=${video}`]);
    ctx = await browser.newContext({
      locale: "en-GB",
      timezoneId: "Asia/Ho_Chi_Minh",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    ctx.setDefaultTimeout(15_000);
    page = await ctx.newPage();
  });
  afterAll(() => browser?.close());

  test("signs in to the console, on a phone: a compact header whose menu has every item in reach", async () => {
    await signInThroughUi(page, demo("organiser"), EN);
    await page.waitForURL(/\/organiser$/);
    await page.getByRole("heading", { name: "Fair console" }).waitFor();
    // The header leaves the screen to the page (it took 235 of 844 px, the menu strip cut off).
    expect((await page.locator("header.topbar").boundingBox())!.height).toBeLessThan(120);
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await page.getByRole("button", { name: "Menu" }).click();
    const links = await nav.getByRole("link").all();
    expect(links.length).toBeGreaterThanOrEqual(6);
    for (const link of links) {
      await link.waitFor();
      const box = (await link.boundingBox())!;
      expect([box.x >= 0, box.x + box.width <= 390, box.y + box.height <= 844]).toEqual([true, true, true]);
    }
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await page.getByLabel("Language").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "menu-phone");
    // Choosing a page closes the menu.
    await nav.getByRole("link", { name: "Check-in desk" }).click();
    await page.waitForURL(/\/organiser\/check-in$/);
    await nav.waitFor({ state: "hidden" });
  });

  test("the check-in desk reads a meeting's QR code from the camera and asks the api", async () => {
    await page.goto(`${stack.baseUrl()}/organiser/check-in`);
    // A typed code that is not one is refused as you type/submit, before the api.
    await page.getByLabel(/The QR code's link/).fill("hello");
    await page.getByRole("button", { name: "Record as held" }).click();
    await page.getByText("This is not a meeting check-in code.").first().waitFor();

    await page.getByRole("button", { name: "Start the camera" }).click();
    await page.getByLabel("Camera view").waitFor();
    // The demo fair is days ahead by the real clock: the api answers when check-in opens (in the
    // organiser's zone, Hanoi's), which proves the code was read from the video and checked by the api.
    const opens = DateTime.fromISO(onsite.slot!.start).minus({ minutes: 15 }).setZone("Asia/Ho_Chi_Minh").setLocale("en");
    const when = opens.toLocaleString({ month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
    const results = page.getByRole("region", { name: "Recent check-ins" });
    await results.getByText(`Check-in opens at ${when}, 15 minutes before the meeting.`).waitFor();
    expect(await results.getByText(/conflicts with existing data/).count()).toBe(0);
    await screenshot(page, "check-in-desk-phone");
    await page.getByRole("button", { name: "Stop the camera" }).click();
  });

  test("the dashboard draws participation, meetings, outcomes and plan targets", async () => {
    await page.goto(`${stack.baseUrl()}/organiser/dashboard`);
    await page.getByRole("heading", { name: "Fair dashboard" }).waitFor();
    // Each chart is a captioned list of label, bar and figure: the fair's count of Hanoi firms, and
    // every outcome named in full (an SVG chart cut labels at 20 characters).
    const fair = (await (await apiAs(ctx.request)).get("/fairs/current")).body as FairSummary;
    const byCountry = page.getByRole("figure", { name: "By country" });
    await byCountry
      .getByRole("listitem")
      .filter({ hasText: "Vietnam" })
      .getByText(new Intl.NumberFormat("en-GB").format(fair.counts.byCountry.VN!), { exact: true })
      .waitFor();
    await page.getByRole("figure", { name: "From request to meeting" }).getByRole("listitem").first().waitFor();
    await page.getByRole("figure", { name: "Outcomes" }).getByRole("listitem").filter({ hasText: "Quotation requested" }).waitFor();
    await page.getByRole("meter", { name: /Hanoi supporting-industry firms/ }).waitFor();
    // The plan targets count what the plans mean (issue #18): firms with any international standard
    // (not ISO 9001 alone), and makers that offer technology (not every firm from those countries).
    const targets = (await (await apiAs(ctx.request)).get("/fairs/current/targets")).body as PlanTargets;
    const figure = (label: RegExp) => page.locator(".progress").filter({ has: page.getByRole("meter", { name: label }) });
    const certified = figure(/Hanoi firms meeting international standards/);
    await certified.getByText(`${new Intl.NumberFormat("en-GB").format(targets.certifiedFirms)} / 300`).waitFor();
    await certified.getByText(/ISO 9001, ISO 14001, ISO 45001, IATF 16949, ISO 13485, AS9100/).waitFor();
    const makers = figure(/Technology and equipment makers/);
    await makers.getByText(`${targets.technologyMakers} / 30–40`).waitFor();
    await makers.getByText("Counts firms that offer technology or equipment; buyers are not counted.").waitFor();
    expect(targets.technologyMakers).toBeLessThan(fair.counts.foreign);
    await screenshot(page, "dashboard-phone");
  });

  test("company import checks each line and reports the bad ones (dry run)", async () => {
    await page.goto(`${stack.baseUrl()}/organiser/companies`);
    const header =
      "kind,legal_name,english_name,tax_code,country,district,time_zone,participation,sectors,processes,certifications,offers,languages,employees,export_markets,description_vi,description_en,listed";
    await page
      .getByLabel("Or paste the CSV")
      .fill(`${header}\ndomestic,Công ty Thử,,123,VN,Đống Đa,Asia/Ho_Chi_Minh,onsite,sec.mech,,,,vi,10,,,,true\n`);
    await page.getByRole("button", { name: "Check only" }).click();
    await page.getByText(/Check: 0 would be new, 0 updated, 1 rejected\./).waitFor();
    await page.getByRole("cell", { name: "tax_code" }).waitFor();
  });

  test("an interpreter sees its assignments by day: both parties, the table and the languages", async () => {
    // The demo seed books the Korean-only buyer's meeting through the demo interpreter.
    const actx = await browser.newContext();
    const assigned = ((await (await apiAs(actx.request, demo("interpreter"))).get("/meetings")).body as MeetingView[])
      .filter((m) => m.slot && (m.status === "booked" || m.status === "held"))
      .sort((a, b) => a.slot!.start.localeCompare(b.slot!.start));
    await actx.close();
    expect(assigned.length).toBeGreaterThan(0);
    const first = assigned[0]!;
    const ictx = await browser.newContext({ locale: "ko-KR", timezoneId: "Asia/Seoul", acceptDownloads: true });
    const ipage = await ictx.newPage();
    await signInThroughUi(ipage, demo("interpreter"), { email: "이메일", password: "비밀번호", submit: "로그인" });
    await ipage.waitForURL(/\/assignments$/);
    await ipage.getByRole("heading", { name: "내 통역 일정" }).waitFor();
    // The first day shows its first meeting: both sides by name, where, and the languages bridged.
    const item = ipage.locator(".agenda-item").first();
    await item.getByRole("link", { name: first.requester.name }).waitFor();
    await item.getByRole("link", { name: first.recipient.name }).waitFor();
    if (first.mode === "onsite") await item.locator(".table-no").waitFor();
    expect(first.languages).toHaveLength(2); // an interpreter's meeting bridges two languages
    expect(await item.locator(".meta").textContent()).toContain("↔");
    // Her assignments in her calendar: one event per meeting, both sides named.
    const download = ipage.waitForEvent("download");
    await ipage.getByRole("link", { name: "일정 다운로드(.ics)" }).click();
    const ics = readFileSync((await (await download).path())!, "utf8");
    expect(ics).toContain(`UID:meeting-${first.id}@ketnoi`);
    expect(ics.split("BEGIN:VEVENT")).toHaveLength(assigned.length + 1);
    await ictx.close();
  });
});
