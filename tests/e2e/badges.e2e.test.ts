import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import type { BadgeView } from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { apiAs, demo, signInThroughUi } from "../support/journeys";
import { readPdfText } from "../support/pdfText";
import { decodeGrid, gridFromQrSvg } from "../support/qrDecode";

// Badges (issue #23): the organiser downloads the fair's badges from the companies page; a participant
// opens "My badge" on the phone and shows its QR code, which reads as their badge's address.
const EN = { email: "Email", password: "Password", submit: "Sign in" };

/** What an <img> of a QR code (an SVG data URL drawn on the device) reads as. */
async function readQr(img: Locator) {
  const src = (await img.getAttribute("src"))!;
  return decodeGrid(gridFromQrSvg(decodeURIComponent(src.slice(src.indexOf(",") + 1))));
}

/** The app's persisted query cache on the device (IndexedDB "ketnoi-cache"), as text. */
const persistedCache = (page: Page) =>
  page.evaluate(async () => {
    // Opening a database that is not there would create it without the app's store: only look once the app made it.
    if (!(await indexedDB.databases()).some((d) => d.name === "ketnoi-cache")) return "";
    const open = indexedDB.open("ketnoi-cache");
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains("persisted")) return "";
    const all = db.transaction("persisted").objectStore("persisted").getAll();
    const values = await new Promise<unknown[]>((resolve, reject) => {
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    db.close();
    return values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join("\n");
  });

describe("badges in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  test("the organiser downloads the vendors' badges as A4 sheets", async () => {
    const ctx = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Ho_Chi_Minh", acceptDownloads: true });
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    await signInThroughUi(page, demo("organiser"), EN);
    await page.waitForURL(/\/organiser$/);
    await page.getByRole("link", { name: "Company lists and badges" }).click();
    const badges = page.getByRole("region", { name: "Badges" });
    await badges.getByLabel("A4 sheets, four badges each, with cut marks").check();
    await badges.getByLabel("Whose badges").selectOption("vendor");
    const download = page.waitForEvent("download");
    await badges.getByRole("button", { name: "Download the PDF" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("badges-cnht-hanoi-2026-vendor-a4.pdf");
    const pdf = readFileSync((await file.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages } = await readPdfText(pdf);
    expect(pages.join(" ")).toContain("Sato Kenji");
    expect(pages.join(" ")).not.toContain("Trần Thị Hoa");
    await screenshot(page, "badges-organiser");
    await ctx.close();
  });

  test("a participant opens My badge on the phone: the QR code reads as their badge", async () => {
    const ctx = await browser.newContext({
      locale: "en-GB",
      timezoneId: "Asia/Ho_Chi_Minh",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    await signInThroughUi(page, demo("domestic"), EN);
    await page.waitForURL((url) => url.pathname !== "/signin");
    // The firm's home page first: a menu opened while the page still changes closes with the change.
    await page.getByRole("heading", { name: "Recommended partners" }).waitFor();
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My badge" }).click();
    await page.waitForURL(/\/my-badge$/);
    const qr = page.getByRole("img", { name: "QR code of Trần Thị Hoa's badge" });
    await qr.waitFor();
    // As large as the phone allows: most of its width.
    expect((await qr.boundingBox())!.width).toBeGreaterThan(300);
    const badge = (await (await apiAs(ctx.request)).get("/me/badge")).body as BadgeView;
    expect(await readQr(qr)).toBe(badge.url);
    await screenshot(page, "my-badge-phone");

    // At the venue the Wi-Fi fails: the badge was kept on the device (persisted a second after it was read) and shows offline.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    for (let i = 0; i < 50 && !(await persistedCache(page)).includes(badge.url); i++) await page.waitForTimeout(200);
    await ctx.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await page.reload();
    await qr.waitFor();
    expect(await readQr(qr)).toBe(badge.url);
    await screenshot(page, "my-badge-offline-phone");
    await ctx.close();
  });
});
