import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { CompanyCard, MeetingView } from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, freshTaxCode } from "../support/journeys";
import { registrationLink, registrationToken } from "../support/registrationMail";

// What people hit in the field test (issue #18, "Awkward"): a visitor's page logging errors and a
// signed-in page reading notifications twice; "your time" misread in Japanese, zones shown as ids and
// a Hanoi viewer told a time twice; a firm awaiting approval told to complete its profile; when
// check-in opens; the meeting's QR code below the fold on a phone.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe("field test: what people hit (issue #18)", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (options: Parameters<Browser["newContext"]>[0]) => {
    const ctx = await browser.newContext(options);
    ctx.setDefaultTimeout(15_000);
    contexts.push(ctx);
    return ctx;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  /** A new Hanoi firm registered in this context (its session cookie, from the mailed link), awaiting approval. */
  async function registerFirm(ctx: BrowserContext, name: string) {
    const n = Date.now().toString(36);
    const email = `field-${n}@example.vn`;
    const res = await ctx.request.post(`${stack.baseUrl()}/api/auth/register`, {
      headers: { Origin: stack.baseUrl() },
      data: {
        email,
        password: "a long enough passphrase",
        name: "Đỗ Thực Địa",
        role: "domestic",
        company: { legalName: `${name} ${n}`, taxCode: freshTaxCode(), country: "VN" },
        consents: { personalData: true },
      },
    });
    expect(res.status()).toBe(202);
    const confirmed = await ctx.request.post(`${stack.baseUrl()}/api/auth/register/confirm`, {
      headers: { Origin: stack.baseUrl() },
      data: { token: registrationToken(await registrationLink(email)) },
    });
    expect(confirmed.status()).toBe(201);
    return { companyId: (await confirmed.json()).user.companyId as string, api: await apiAs(ctx.request) };
  }
  const organiser = async () => apiAs((await open({})).request, demo("organiser"));

  test("a signed-out visitor's home page makes no failing request and logs no error", async () => {
    const page = await (await open({ locale: "en-US" })).newPage();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
    await page.goto(stack.baseUrl());
    await page.getByRole("heading", { level: 1 }).waitFor();
    // The live count arrives over the guest socket: by then every start-up request has been made.
    await page.getByText(/online now/).waitFor();
    await page.waitForTimeout(1000);
    expect(problems).toEqual([]);
  });

  test("a signed-in page reads the notifications once", async () => {
    const ctx = await open({ locale: "en-US" });
    await apiAs(ctx.request, demo("vendor"));
    const page = await ctx.newPage();
    const reads: string[] = [];
    page.on("request", (r) => new URL(r.url()).pathname === "/api/me/notifications" && reads.push(r.url()));
    await page.goto(`${stack.baseUrl()}/agenda`);
    await page.getByTestId("notification-bell").waitFor();
    for (let i = 0; i < 100 && reads.length === 0; i++) await page.waitForTimeout(100);
    // Time for a second read (the socket's connect) to show up if there were one.
    await page.waitForTimeout(2000);
    expect(reads).toHaveLength(1);
  });

  test("a Japanese reader in Tokyo reads 'your time' and Hanoi time unmistakably, and zones by name", async () => {
    const ctx = await open({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const page = await ctx.newPage();
    await page.goto(stack.baseUrl());
    const hero = page.locator("section.hero");
    await hero.getByRole("heading", { level: 1, name: "ハノイ裾野産業フェア2026" }).waitFor();
    // "現地時間" reads as the local time of the place talked about (Hanoi): the viewer's own is "ご利用地域の時間".
    await hero.getByText("ご利用地域の時間").waitFor();
    await hero.getByText("ハノイ時間").waitFor();
    expect(await page.getByText("現地時間").count()).toBe(0);
    await hero.getByText(/日本標準時/).waitFor();
    expect(await page.locator("main").innerText()).not.toMatch(/Asia\/|Europe\//);
    await screenshot(page, "home-ja-tokyo");

    // A company's card names its zone in the reader's language.
    const kansai = (await (await apiAs(ctx.request)).get("/companies?q=kansai")).body.data[0] as CompanyCard;
    await page.goto(`${stack.baseUrl()}/companies/${kansai.id}`);
    await page.getByRole("heading", { level: 1, name: kansai.legalName }).waitFor();
    await page
      .locator(".facts-list div")
      .filter({ hasText: "タイムゾーン" })
      .getByText(/日本標準時/)
      .waitFor();
    expect(await page.locator("main").innerText()).not.toContain(kansai.timeZone);
  });

  test("a Hanoi firm whose browser says Asia/Bangkok sees a booked meeting's time once in its notifications", async () => {
    // Windows in Vietnam reports Asia/Bangkok: the same clock as Hanoi's, by another name.
    const ctx = await open({ locale: "en-US", timezoneId: "Asia/Bangkok" });
    const firm = await registerFirm(ctx, "Công ty TNHH Giờ Hà Nội");
    expect((await (await organiser()).post(`/companies/${firm.companyId}/approve`)).status).toBe(204);
    // A language in common with the Japanese vendor: no interpreter is needed (they may all be booked).
    expect((await firm.api.patch(`/companies/${firm.companyId}`, { languages: ["vi", "ja"] })).status).toBe(200);
    const vendor = await apiAs((await open({})).request, demo("vendor"));
    const vendorCompany = (await vendor.get("/auth/session")).body.user.companyId as string;
    const requested = await firm.api.post("/meetings", { with: vendorCompany, message: "Xin gặp về khuôn dập." });
    expect(requested.status).toBe(201);
    // Other tests book the demo vendor at the same time: accept in the first slot still free.
    let accepted = 0;
    for (const slot of (await vendor.get(`/meetings/slots?with=${firm.companyId}`)).body as { id: string }[]) {
      accepted = (await vendor.post(`/meetings/${requested.body.id}/accept`, { slot: slot.id })).status;
      if (accepted !== 409) break;
    }
    expect(accepted).toBe(200);

    const page = await ctx.newPage();
    await page.goto(`${stack.baseUrl()}/agenda`);
    await page.getByTestId("notification-bell").click();
    const item = page
      .getByRole("region", { name: "Notifications" })
      .getByTestId("notification")
      .filter({ hasText: /confirmed/ });
    await item.waitFor();
    const text = await item.innerText();
    expect(text).not.toContain("Hanoi time");
    expect(text.match(/\d{1,2}:\d{2}/g)).toHaveLength(2); // the meeting's time, and when it was sent
    expect((await firm.api.post(`/meetings/${requested.body.id}/cancel`, {})).status).toBe(200);
  });

  test("a firm awaiting approval is told what it waits for; once approved its proposals come, never an empty page", async () => {
    const ctx = await open({ locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh" });
    const firm = await registerFirm(ctx, "Công ty TNHH Chờ Duyệt");
    // A profile the matcher can work with: needs that a Japanese vendor offers.
    const kansai = (await firm.api.get("/companies?q=kansai")).body.data[0] as CompanyCard;
    const profile = {
      sectors: kansai.sectors,
      languages: ["vi", "en", "ja"],
      needs: [{ kind: "technology", codes: [kansai.offers[0]!], priority: 1 }],
    };
    expect((await firm.api.patch(`/companies/${firm.companyId}`, profile)).status).toBe(200);

    const page = await ctx.newPage();
    await page.goto(`${stack.baseUrl()}/recommendations`);
    await page
      .getByTestId("awaiting-approval")
      .getByText("The organisers are reviewing your registration; you will get an e-mail when it is approved.")
      .waitFor();
    expect(await page.getByText(/No suggestions yet/).count()).toBe(0);
    await screenshot(page, "recommendations-pending");

    expect((await (await organiser()).post(`/companies/${firm.companyId}/approve`)).status).toBe(204);
    // From the next load on, note whether the empty state ever shows, however briefly.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector(".state.empty")) (window as unknown as { sawEmpty: boolean }).sawEmpty = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await page.locator("li.rec").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { sawEmpty?: boolean }).sawEmpty ?? false)).toBe(false);
  });

  test("on a phone, a booked onsite meeting's page opens with its QR code and says when check-in opens", async () => {
    const ctx = await open({ locale: "en-GB", timezoneId: "Asia/Ho_Chi_Minh", ...PHONE });
    const firm = await apiAs(ctx.request, demo("domestic"));
    const onsite = ((await firm.get("/meetings?status=booked")).body as MeetingView[]).find((m) => m.mode === "onsite" && m.slot)!;
    expect(onsite).toBeDefined();
    const page: Page = await ctx.newPage();
    await page.goto(`${stack.baseUrl()}/meetings/${onsite.id}`);
    const qr = page.getByRole("region", { name: "Check-in QR code" });
    const code = qr.getByRole("img", { name: /Check-in QR code for table/ });
    await code.waitFor();
    // What the firm shows at the table is in the first screen, above the meeting's facts.
    const codeBox = (await code.boundingBox())!;
    expect(codeBox.y).toBeGreaterThanOrEqual(0);
    expect(codeBox.y).toBeLessThan(844);
    expect(codeBox.y).toBeLessThan((await page.locator(".facts-list").boundingBox())!.y);
    // The demo fair is days ahead: the page says when the table's check-in opens (15 minutes before).
    const opens = DateTime.fromISO(onsite.slot!.start)
      .minus({ minutes: 15 })
      .setZone("Asia/Ho_Chi_Minh")
      .setLocale("en")
      .toLocaleString(DateTime.TIME_SIMPLE);
    await qr.getByTestId("check-in-opens").getByText(`Check-in at the table opens at ${opens}, 15 minutes before the meeting.`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "meeting-qr-phone");
  });
});
