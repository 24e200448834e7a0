import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, signInThroughUi } from "../support/journeys";
import { connected, emitAck, socketClient } from "../support/realtime";

// The demo domestic firm's proposed partners (score, reasons in its language, bookmark, dismiss with
// a reason, request a meeting that lands in its requests), its team page, and the virtual hall's live
// visitor count on a booth card while someone stands in that booth.
const EN = { email: "Email", password: "Password", submit: "Sign in" };

describe("proposals, team and the live hall", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const open = async (options: { locale: string; viewport?: { width: number; height: number } }) => {
    const ctx = await browser.newContext({ timezoneId: "Asia/Ho_Chi_Minh", ...options });
    ctx.setDefaultTimeout(15_000);
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    return { ctx, page };
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  test("the firm bookmarks one proposal, dismisses one (it goes) and requests a meeting from another (it is in its requests)", async () => {
    const { ctx, page } = await open({ locale: "en-US" });
    await signInThroughUi(page, demo("domestic"), EN);
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
    await page.goto(`${stack.baseUrl()}/recommendations`);
    const cards = page.locator("li.rec");
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    // Each proposal: a score bar with its percentage and the reasons as sentences in English.
    const first = cards.nth(0);
    await first.locator("meter").waitFor();
    expect(await first.getByText(/^Match \d+%$/).count()).toBe(1);
    expect(await first.locator("ul.reasons li").count()).toBeGreaterThanOrEqual(1);
    expect(await first.locator("ul.reasons").innerText()).toMatch(/[a-z]{3,}/);
    const names = await cards.locator("h2").allInnerTexts();
    const [bookmarked, dismissed, requested] = names as [string, string, string];
    await screenshot(page, "proposals-list");

    // Bookmark: the toggle says so, and the api agrees.
    const bookmark = cards.filter({ hasText: bookmarked }).getByRole("button", { name: "Bookmark" });
    await bookmark.click();
    await cards.filter({ hasText: bookmarked }).getByRole("button", { name: "Bookmarked" }).waitFor();
    expect(await cards.filter({ hasText: bookmarked }).getByRole("button", { name: "Bookmarked" }).getAttribute("aria-pressed")).toBe("true");
    const api = await apiAs(ctx.request);
    const fromApi = (await api.get("/recommendations?k=10")).body as { company: { name: string }; bookmarked: boolean }[];
    expect(fromApi.find((r) => r.company.name === bookmarked)?.bookmarked).toBe(true);

    // Dismiss with a reason: the card goes, with a word on what that does.
    const toDismiss = cards.filter({ hasText: dismissed });
    await toDismiss.getByRole("button", { name: "Dismiss" }).click();
    await toDismiss.getByLabel("Why is it not a fit?").selectOption("alreadyInContact");
    await toDismiss.getByRole("button", { name: "Dismiss this proposal" }).click();
    await page.getByText(`${dismissed} was dismissed`).waitFor();
    expect(await cards.filter({ hasText: dismissed }).count()).toBe(0);

    // Request a meeting: a message checked as it is typed, then sent; it is in the firm's requests.
    const toRequest = cards.filter({ hasText: requested });
    await toRequest.getByRole("button", { name: "Request a meeting" }).click();
    await toRequest.getByLabel("Message").fill("x".repeat(1001));
    await toRequest.locator(".field-error").waitFor();
    await toRequest.getByLabel("Message").fill("We would like to discuss your sensors for our assembly line.");
    expect(await toRequest.locator(".field-error").count()).toBe(0);
    await toRequest.getByRole("button", { name: "Send the request" }).click();
    await toRequest.getByText(`Request sent to ${requested}.`).waitFor();
    await screenshot(page, "proposals-acted");
    await toRequest.getByRole("link", { name: "Requests" }).click();
    const sent = page.locator("section", { has: page.locator("#sent") });
    await sent.getByRole("link", { name: requested }).waitFor();

    // Reloaded, the dismissed proposal stays gone and the bookmark stays.
    await page.goto(`${stack.baseUrl()}/recommendations`);
    await cards.first().waitFor();
    expect(await cards.filter({ hasText: dismissed }).count()).toBe(0);
    await cards.filter({ hasText: bookmarked }).getByRole("button", { name: "Bookmarked" }).waitFor();
  });

  test("a domestic firm's owner finds the team page in the menu: the members beside the invitation form, on a phone too", async () => {
    const { page } = await open({ locale: "en-US", viewport: { width: 390, height: 844 } });
    await signInThroughUi(page, demo("domestic"), EN);
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
    // The firm's home page first: a menu opened while the page still changes closes with the change.
    await page.getByRole("heading", { name: "Recommended partners" }).waitFor();
    // As a person gets there: the phone's menu, then its Team item (not a typed address).
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Team", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/team");
    const members = page.locator("section", { has: page.getByRole("heading", { name: "Team members" }) });
    await members.getByText(demo("domestic")).waitFor();
    expect(await members.innerText()).toMatch(/\(you\)/);
    await page.getByRole("heading", { name: "Invite a colleague" }).waitFor();
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "team-phone");
  });

  test("a booth card in the hall shows how many visitors are in that booth, live", async () => {
    // The demo vendor will step into another company's booth (socket and ticket as its browser would get them).
    const { ctx } = await open({ locale: "en-US" });
    const vendor = await apiAs(ctx.request, demo("vendor"));
    const own = (await vendor.get("/auth/session")).body.user.companyId as string;
    const { page } = await open({ locale: "en-US" });
    await page.goto(`${stack.baseUrl()}/hall`);
    await page.locator(".booth-tile").first().waitFor();
    const tile = page.locator(`.booth-tile:not([href$="${own}"])`).first();
    await tile.getByText("0 visitors now").waitFor();
    const companyId = (await tile.getAttribute("href"))!.split("/").pop()!;

    const token = (await vendor.post("/realtime/token")).body.token as string;
    const ticket = (await vendor.post("/realtime/tickets", { room: `booth:${companyId}` })).body.ticket as string;
    const socket = socketClient(stack.baseUrl(), token);
    try {
      await connected(socket);
      expect(await emitAck(socket, "room:join", { ticket })).toMatchObject({ ok: true, access: "visitor" });
      await tile.getByText("1 visitor now").waitFor();
      await screenshot(page, "hall-booth-live");
    } finally {
      socket.disconnect();
    }
    await tile.getByText("0 visitors now").waitFor();
    expect(errors).toEqual([]);
  });
});
