import { request as http, type APIRequestContext, type Browser } from "playwright-core";
import { taxCodeCheckDigit } from "@ketnoi/contracts";
import { launchBrowser } from "../support/browser";
import { stack } from "../support/stack";
import { registrationLink, registrationToken } from "../support/registrationMail";

/** A fresh, valid Hanoi tax code (the check digit rules out some prefixes). */
function taxCode(seed: number) {
  for (let i = seed; ; i++) {
    const nine = `01${String(i % 10_000_000).padStart(7, "0")}`;
    const d = taxCodeCheckDigit(nine);
    if (d !== null) return `${nine}${d}`;
  }
}

/** Signs in (or finishes a registration) through the api; returns the request context and its CSRF header. */
async function apiAs(body: object, path = "/api/auth/login") {
  const ctx = await http.newContext({ baseURL: stack.baseUrl(), extraHTTPHeaders: { Origin: stack.baseUrl() } });
  const res = await ctx.post(path, { data: body });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  const session = (await res.json()) as { csrfToken: string; user: { companyId?: string } };
  return { ctx, csrf: { "X-CSRF-Token": session.csrfToken }, companyId: session.user.companyId };
}

// Notifications in the browser: they arrive live over the realtime service, and what arrived while
// the device was offline shows up when it is back, without reloading the page.
describe("notifications in a real browser", () => {
  let browser: Browser;
  const contexts: APIRequestContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.dispose()));
    await browser?.close();
  });

  test("a request reaches the vendor live; a cancellation made while it was offline appears when it is back", async () => {
    // A new Hanoi firm, approved by the organiser, that will ask the demo vendor to meet.
    const n = Date.now() % 1_000_000;
    const email = `notify${n}@example.vn`;
    const registering = await http.newContext({ baseURL: stack.baseUrl(), extraHTTPHeaders: { Origin: stack.baseUrl() } });
    contexts.push(registering);
    const registered = await registering.post("/api/auth/register", {
      data: {
        email,
        password: "a long enough password",
        name: "Phạm Thông Báo",
        role: "domestic",
        company: { legalName: `Công ty TNHH Thông Báo ${n}`, taxCode: taxCode(n * 13), country: "VN" },
        consents: { personalData: true },
      },
    });
    expect(registered.status()).toBe(202);
    // The mailed link creates the firm and signs its owner in.
    const firm = await apiAs({ token: registrationToken(await registrationLink(email)) }, "/api/auth/register/confirm");
    const organiser = await apiAs({ email: "organiser@ketnoi.demo", password: "ketnoi-demo-2026" });
    contexts.push(firm.ctx, organiser.ctx);
    expect((await organiser.ctx.post(`/api/companies/${firm.companyId}/approve`, { headers: organiser.csrf, data: {} })).status()).toBe(204);
    const vendorLogin = await apiAs({ email: "vendor@ketnoi.demo", password: "ketnoi-demo-2026" });
    contexts.push(vendorLogin.ctx);
    const vendorCompany = vendorLogin.companyId!;

    // The vendor's browser (in Japanese, in Tokyo), signed in, on its agenda; and a second device of
    // the same vendor that stays online: what reaches it shows what the first one would have been sent.
    const vendorDevice = async () => {
      const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await context.request.post(`${stack.baseUrl()}/api/auth/login`, {
        data: { email: "vendor@ketnoi.demo", password: "ketnoi-demo-2026" },
        headers: { Origin: stack.baseUrl() },
      });
      // The bell reads the list once its socket is connected (or cannot connect): then it is listening.
      const listening = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/me/notifications" && r.ok());
      await page.goto(`${stack.baseUrl()}/agenda`);
      const bell = page.getByTestId("notification-bell");
      await bell.waitFor();
      await listening;
      await bell.click();
      return { context, page, bell, panel: page.getByRole("region", { name: "お知らせ" }) };
    };
    const { context, page, panel } = await vendorDevice();
    const witness = await vendorDevice();

    const request = await firm.ctx.post("/api/meetings", { headers: firm.csrf, data: { with: vendorCompany, message: "Xin gặp về máy dập servo" } });
    expect(request.status()).toBe(201);
    const meetingId = ((await request.json()) as { id: string }).id;
    await panel.getByText(`Công ty TNHH Thông Báo ${n} から商談の申し込み`).waitFor();
    await witness.panel.getByText(`Công ty TNHH Thông Báo ${n} から商談の申し込み`).waitFor();

    // Offline: the socket is dropped. The firm withdraws its request meanwhile; back online, the
    // client reconnects and reads what it missed.
    await context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine); // the page heard it: its socket is closed at once
    expect((await firm.ctx.post(`/api/meetings/${meetingId}/cancel`, { headers: firm.csrf, data: {} })).status()).toBe(200);
    // The words the bell shows (common.notify.kind.meeting_cancelled in ja): "<firm> との商談がキャンセル".
    const cancelled = `Công ty TNHH Thông Báo ${n} との商談がキャンセル`;
    // The online device is told: the notice has been sent. The offline one has not got it (and shows the request still).
    await witness.panel.getByText(cancelled).waitFor();
    expect(await panel.getByText(cancelled).count()).toBe(0);
    expect(await panel.getByText(`Công ty TNHH Thông Báo ${n} から商談の申し込み`).count()).toBe(1);
    await context.setOffline(false);
    await panel.getByText(cancelled).waitFor();

    await panel.getByRole("button", { name: "すべて既読にする" }).click();
    await page.getByTestId("notification-bell").locator(".badge").waitFor({ state: "detached" });
    await context.close();
    await witness.context.close();
  });
});
