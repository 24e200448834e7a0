import type { Browser } from "playwright-core";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";

// The running app behind the one origin (nginx): the built client, /api and Socket.IO.
describe("home page in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  test("shows the seeded demo fair in Vietnamese, with live figures, and switches to Japanese", async () => {
    const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    // Not signed in: the live count comes over a guest socket (the api's guest token admits to the hall only).
    const failed: string[] = [];
    // A reload aborts the fetches still in flight (net::ERR_ABORTED): that is the browser leaving the page, not a failure.
    let reloading = false;
    page.on("requestfailed", (r) => (reloading && r.failure()?.errorText === "net::ERR_ABORTED") || failed.push(r.url()));
    page.on("pageerror", (e) => failed.push(e.message));
    // The page runs under the gateway's Content-Security-Policy without tripping it.
    page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && failed.push(m.text()));

    const response = await page.goto(stack.baseUrl());
    expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
    await page.getByRole("heading", { level: 1, name: "Hội chợ Công nghiệp hỗ trợ Hà Nội 2026" }).waitFor();
    const figures = page.getByRole("region", { name: "Tham gia" });
    await figures.getByText("Doanh nghiệp Hà Nội").waitFor();
    // 200 seeded; end-to-end journeys that sign firms up add theirs to the same database.
    expect(Number(await figures.locator("dd").first().innerText())).toBeGreaterThanOrEqual(200);
    // The programme shows Hanoi time and, for a viewer in Tokyo, their own (08:30 Hanoi = 10:30 Tokyo).
    await page.getByText("Khai mạc Hội chợ").waitFor();
    await page
      .getByText(/Giờ của bạn: 10:30/)
      .first()
      .waitFor();
    // The live visitor count arrives over Socket.IO through the gateway.
    await page.getByText(/người đang trực tuyến/).waitFor();
    await screenshot(page, "home-vi");

    await page.getByLabel("Ngôn ngữ").selectOption("ja");
    await page.getByRole("heading", { level: 1, name: "ハノイ裾野産業フェア2026" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ja");
    await screenshot(page, "home-ja");

    // The choice is remembered across a reload.
    reloading = true;
    await page.reload();
    reloading = false;
    await page.getByRole("heading", { level: 1, name: "ハノイ裾野産業フェア2026" }).waitFor();
    expect(failed).toEqual([]);
    await context.close();
  });

  test("the same origin serves /api/health with db and livekit up", async () => {
    const page = await browser.newPage();
    const res = await page.request.get(`${stack.baseUrl()}/api/health`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.dependencies.db.status).toBe("up");
    expect(body.dependencies.livekit.status).toBe("up");
    expect(body.dependencies.redis.status).toBe("up");
    await page.close();
  });

  test("unknown client routes render the not-found page, not a blank screen", async () => {
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(`${stack.baseUrl()}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.close();
  });
});
