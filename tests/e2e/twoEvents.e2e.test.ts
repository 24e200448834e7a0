import type { Browser, BrowserContext, Page } from "playwright-core";
import type { EventSummary, FairSetup } from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, freshTaxCode, signInThroughUi } from "../support/journeys";
import { registrationLink, registrationToken } from "../support/registrationMail";

const EN = { email: "Email", password: "Password", submit: "Sign in" };
const PASSWORD = "a long enough passphrase";
const MINUTE = 60_000;

/**
 * A firm in two events at once, as a person uses it: the fair, and an online matchmaking week the
 * organisers run on the same days with 20-minute slots. The firm joins the week with one click,
 * chooses it at the top of the page, books a vendor there, goes back to the fair and books the same
 * vendor again: the fair offers no slot that overlaps the week's meeting, and the agenda names each
 * meeting's event.
 */
describe("a firm in the fair and an online week at once", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const suffix = `${Date.now().toString(36)}`;
  const week = { slug: `online-week-${suffix}`, name: `Online matchmaking week ${suffix}` };
  const firm = { email: `twin-${suffix}@example.vn`, name: `Công ty Cơ khí Song Song ${suffix}` };
  const vendor = { email: `vendor-${suffix}@example.kr`, name: `Seoul Twin Machinery ${suffix}` };
  let fair: EventSummary;

  const newContext = async () => {
    const ctx = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Ho_Chi_Minh" });
    ctx.setDefaultTimeout(15_000);
    contexts.push(ctx);
    return ctx;
  };

  /** A firm registered through the api and the link mailed to it, approved by the organisers. */
  async function registerFirm(who: { email: string; name: string }, role: "domestic" | "vendor", country: string, languages: string[]) {
    const ctx = await newContext();
    const headers = { Origin: stack.baseUrl() };
    const reg = await ctx.request.post(`${stack.baseUrl()}/api/auth/register`, {
      headers,
      data: {
        email: who.email,
        password: PASSWORD,
        name: "Nguyễn Song",
        role,
        ...(role === "vendor" ? { timeZone: "Asia/Seoul" } : {}),
        company: { legalName: who.name, taxCode: role === "domestic" ? freshTaxCode() : undefined, country },
        consents: { personalData: true, profileSharing: true },
      },
    });
    expect(reg.status()).toBe(202);
    const confirmed = await ctx.request.post(`${stack.baseUrl()}/api/auth/register/confirm`, {
      headers,
      data: { token: registrationToken(await registrationLink(who.email)) },
    });
    expect(confirmed.status()).toBe(201);
    const companyId = (await confirmed.json()).user.companyId as string;
    const organiser = await apiAs((await newContext()).request, demo("organiser"));
    expect((await organiser.post(`/companies/${companyId}/approve`)).status).toBe(204);
    // Confirming signed the firm in on this context.
    const self = await apiAs(ctx.request);
    expect((await self.patch(`/companies/${companyId}`, { languages })).status).toBe(200);
    return { companyId, api: self };
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    const organiser = await apiAs((await newContext()).request, demo("organiser"));
    fair = ((await organiser.get("/fairs")).body.data as EventSummary[]).find((e) => e.when !== "past" && e.kind === "hybrid")!;
    // The week: a copy of the fair's set-up on the same days, made an online week of 20-minute slots.
    const copied = await organiser.post(`/fairs/${fair.slug}/copy`, {
      slug: week.slug,
      name: { en: week.name, vi: `Tuần kết nối ${suffix}` },
      days: fair.days,
    });
    expect(copied.status).toBe(201);
    const { slug: _slug, ...setup } = (await organiser.get(`/fairs/${week.slug}/setup`)).body as FairSetup;
    const online = {
      ...setup,
      kind: "online",
      requiresApproval: false,
      slotMinutes: 20,
      dailyHours: { start: "09:00", end: "17:00" },
      breaks: [],
      onsiteTables: 0,
      tableZones: [],
      onlineRoomsPerSlot: 10,
    };
    const set = await organiser.put(`/fairs/${week.slug}`, online);
    expect([set.status, set.body?.error]).toEqual([200, undefined]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  test("the firm joins the week, books a vendor there, then in the fair at a time clear of it; the agenda names each event", async () => {
    const v = await registerFirm(vendor, "vendor", "KR", ["ko", "en"]);
    const d = await registerFirm(firm, "domestic", "VN", ["vi", "en"]);
    expect((await v.api.post(`/fairs/${week.slug}/registrations`, {})).status).toBe(201);

    const page: Page = await (await newContext()).newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await signInThroughUi(page, firm.email, EN, PASSWORD);
    await page.waitForURL((url) => url.pathname !== "/signin");
    // No choice yet: the firm takes part in the fair only.
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Events" }).click();
    await page.getByRole("heading", { name: "Events of the programme", level: 1 }).waitFor();
    expect(await page.getByLabel("Event", { exact: true }).count()).toBe(0);
    const card = page.getByRole("region", { name: "Upcoming and running" }).getByRole("article", { name: week.name });
    await card.getByRole("button", { name: "Join this event" }).click();
    await card.getByText("Your firm is registered for this event.").waitFor();

    // Now the page asks which event: the week.
    const chooser = page.getByLabel("Event", { exact: true });
    await chooser.selectOption({ label: week.name });
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Directory" }).click();
    await page.getByRole("link", { name: vendor.name }).click();
    await page.getByRole("heading", { name: vendor.name, level: 1 }).waitFor();
    const slots = page.getByRole("radiogroup", { name: "Slots you both have free" });
    await slots.getByRole("radio").first().waitFor();
    const weekSlot = await slots.getByRole("radio").first().getAttribute("value");
    await slots.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Book this slot" }).click();
    await page.getByText(`Meeting with ${vendor.name} booked.`).waitFor();
    await screenshot(page, "two-events-week-booked");

    // Back in the fair: the same vendor, whose 30-minute slots overlapping the week's meeting are not offered.
    await chooser.selectOption({ label: fair.name.en! });
    await page.getByRole("heading", { name: vendor.name, level: 1 }).waitFor();
    const fairSlots = page.getByRole("radiogroup", { name: "Slots you both have free" });
    await fairSlots.getByRole("radio").first().waitFor();
    const offered = await fairSlots.getByRole("radio").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const booked = { start: Date.parse(weekSlot!), end: Date.parse(weekSlot!) + 20 * MINUTE };
    const overlapping = offered.filter((s) => Date.parse(s) < booked.end && booked.start < Date.parse(s) + 30 * MINUTE);
    expect(overlapping).toEqual([]);
    expect(offered.length).toBeGreaterThan(3);
    await fairSlots.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Book this slot" }).click();
    await page.getByText(`Meeting with ${vendor.name} booked.`).waitFor();

    // The agenda holds both, each naming its event; the api stored each in its own event.
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My agenda" }).click();
    await page.getByRole("heading", { name: "My agenda", level: 1 }).waitFor();
    const items = page.locator(".agenda-item");
    await items.first().waitFor();
    // One fair day at a time (a tab each, when the meetings fall on more than one).
    const names = new Set(await page.locator(".agenda-item .event-name").allTextContents());
    for (const tab of await page.getByRole("tab").all()) {
      await tab.click();
      for (const n of await page.locator(".agenda-item .event-name").allTextContents()) names.add(n);
    }
    expect([...names].sort()).toEqual([fair.name.en!, week.name].sort());
    await screenshot(page, "two-events-agenda");
    // The choice holds on this device, after a reload too.
    expect(await chooser.inputValue()).toBe(fair.slug);
    await page.reload();
    await page.getByRole("heading", { name: "My agenda", level: 1 }).waitFor();
    await page.locator(".agenda-item").first().waitFor();
    expect(await chooser.inputValue()).toBe(fair.slug);
    const mine = (await d.api.get("/meetings")).body as { eventId: string; slot: { start: string; end: string } }[];
    const events = (await d.api.get("/fairs")).body.data as EventSummary[];
    const idOf = (slug: string) => events.find((e) => e.slug === slug)!.id;
    expect(mine.map((m) => [m.eventId, (Date.parse(m.slot.end) - Date.parse(m.slot.start)) / MINUTE]).sort()).toEqual(
      [
        [idOf(week.slug), 20],
        [idOf(fair.slug), 30],
      ].sort(),
    );
    expect(errors).toEqual([]);
  });
});
