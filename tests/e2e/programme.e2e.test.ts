import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DateTime } from "luxon";
import type { EventSummary, FairSetup } from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, signInThroughUi } from "../support/journeys";
import { readPdfText } from "../support/pdfText";

const EN = { email: "Email", password: "Password", submit: "Sign in" };
const ALUMNI = "alumni@ketnoi.demo";
const ALUMNI_FIRM = "Công ty TNHH Cơ khí Chính xác Đông Anh";

/**
 * The city's programme across years, as its people use it: a firm from last year's fair joins this
 * year's with one click and the organiser approves it; the organiser starts next year's event from
 * last year's set-up.
 */
describe("the programme across events and years", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const newPage = async (): Promise<Page> => {
    const ctx = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Ho_Chi_Minh", acceptDownloads: true });
    ctx.setDefaultTimeout(15_000);
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    return page;
  };
  let events: EventSummary[];
  const named = (slug: string) => events.find((e) => e.slug === slug)!.name.en!;

  beforeAll(async () => {
    browser = await launchBrowser();
    const ctx = await browser.newContext();
    events = (await (await apiAs(ctx.request)).get("/fairs")).body.data as EventSummary[];
    await ctx.close();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  test("a firm from last year's fair joins this year's with one click; the organiser sees who it is and approves", async () => {
    const thisYear = events.find((e) => e.when !== "past" && e.kind === "hybrid")!;
    const lastYear = events.find((e) => e.when === "past")!;
    const firm = await newPage();
    await signInThroughUi(firm, ALUMNI, EN);
    await firm.waitForURL((url) => url.pathname !== "/signin");
    await firm.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Events" }).click();
    await firm.getByRole("heading", { name: "Events of the programme", level: 1 }).waitFor();
    const past = firm.getByRole("region", { name: "Past events" }).getByRole("article", { name: named(lastYear.slug) });
    await past.getByText("Your firm is registered for this event.").waitFor();
    // Past events stay browsable with their results.
    await past.getByText(/^\d+ meetings held/).waitFor();
    const card = firm.getByRole("region", { name: "Upcoming and running" }).getByRole("article", { name: named(thisYear.slug) });
    await card.getByRole("button", { name: "Join this event" }).click();
    await card.getByText("Registered: waiting for the organisers' approval.").waitFor();
    expect(await card.getByRole("button", { name: "Join this event" }).count()).toBe(0);
    await screenshot(firm, "programme-firm-joined");

    const organiser = await newPage();
    await signInThroughUi(organiser, demo("organiser"), EN);
    await organiser.waitForURL((url) => url.pathname !== "/signin");
    await organiser.goto(`${stack.baseUrl()}/events`);
    await organiser
      .getByRole("article", { name: named(thisYear.slug) })
      .getByRole("link", { name: "Registrations and copying" })
      .click();
    await organiser.waitForURL(new RegExp(`/organiser/events/${thisYear.slug}$`));
    const registrations = organiser.getByRole("region", { name: "Firms registered" });
    // Among every firm registered, found by name typed without its diacritics, waiting ones only.
    await registrations.getByLabel("Find a firm").fill("co khi chinh xac dong anh");
    await registrations.getByLabel("Show").selectOption("pending");
    expect(await registrations.getByRole("listitem").count()).toBe(1);
    const row = registrations.getByRole("listitem").filter({ hasText: ALUMNI_FIRM });
    await row.getByText(`Took part before in: ${named(lastYear.slug)}`).waitFor();
    await screenshot(organiser, "programme-registrations");
    await row.getByRole("button", { name: "Approve" }).click();
    // Approved, it leaves the waiting list; among all, it shows as approved.
    await registrations.getByText("No registered firm matches.").waitFor();
    await registrations.getByLabel("Show").selectOption("all");
    await row.getByText("Approved", { exact: true }).waitFor();

    await firm.reload();
    await firm
      .getByRole("region", { name: "Upcoming and running" })
      .getByRole("article", { name: named(thisYear.slug) })
      .getByText("Your firm is registered for this event.")
      .waitFor();
    expect(errors).toEqual([]);
  });

  test("the organiser starts next year's event from last year's set-up", async () => {
    const lastYear = events.find((e) => e.when === "past")!;
    const organiser = await newPage();
    await signInThroughUi(organiser, demo("organiser"), EN);
    await organiser.waitForURL((url) => url.pathname !== "/signin");
    await organiser.goto(`${stack.baseUrl()}/organiser/events/${lastYear.slug}`);
    const form = organiser.getByRole("form", { name: "Start the next event from this one" });
    const slug = `cnht-next-${Date.now().toString(36)}`;
    // A year and a week after last year's first day: next year's fair, on the same weekday.
    const firstDay = DateTime.fromISO(lastYear.days[0]!).plus({ weeks: 105 }).toISODate()!;
    await form.getByLabel("Short name (in the address)").fill(slug);
    await form.getByLabel("Name in Vietnamese").fill("Hội chợ Công nghiệp hỗ trợ Hà Nội (sao chép)");
    await form.getByLabel("Name in English").fill("Hanoi Supporting Industries Fair (copied)");
    await form.getByLabel("First day").fill(firstDay);
    await form.getByLabel("Number of days").fill("2");
    await form.getByRole("button", { name: "Create the new event" }).click();
    await form.getByText("Created: Hanoi Supporting Industries Fair (copied).").waitFor();
    await screenshot(organiser, "programme-copied");
    await form.getByRole("link", { name: "Open it" }).click();
    await organiser.waitForURL(new RegExp(`/organiser/events/${slug}$`));
    await organiser.getByRole("heading", { name: "Hanoi Supporting Industries Fair (copied)", level: 1 }).waitFor();
    await organiser.getByText("No firm has registered yet.").waitFor();

    // What the api holds: last year's set-up on the new days.
    const api = await apiAs(organiser.context().request);
    const before = (await api.get(`/fairs/${lastYear.slug}/setup`)).body as FairSetup;
    const after = (await api.get(`/fairs/${slug}/setup`)).body as FairSetup;
    const { slug: _a, name: _b, days: _c, ...same } = before;
    expect(after).toMatchObject({ ...same, days: [firstDay, DateTime.fromISO(firstDay).plus({ days: 1 }).toISODate()] });
    const programme = (await api.get(`/fairs/${slug}`)).body.programme as unknown[];
    expect(programme.length).toBe(((await api.get(`/fairs/${lastYear.slug}`)).body.programme as unknown[]).length);
    expect(programme.length).toBeGreaterThan(2);
    expect(errors).toEqual([]);
  });

  test("anyone reads the programme's figures for both years on the public statistics page", async () => {
    const lastYear = events.find((e) => e.when === "past")!;
    const thisYear = events.find((e) => e.when !== "past" && e.kind === "hybrid")!;
    const visitor = await newPage();
    await visitor.goto(stack.baseUrl());
    await visitor.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Data" }).click();
    await visitor.getByRole("heading", { name: "Hanoi's supporting industries in figures", level: 1 }).waitFor();
    const years = visitor.getByRole("table", { name: "Figures by year" });
    for (const year of [lastYear.days[0]!.slice(0, 4), thisYear.days[0]!.slice(0, 4)]) {
      await years.getByRole("rowheader", { name: year, exact: true }).waitFor();
    }
    await screenshot(visitor, "programme-public-statistics");
    expect(errors).toEqual([]);
  });

  test("the organiser downloads the year's report to the People's Committee as a PDF with the year's figures", async () => {
    const organiser = await newPage();
    await signInThroughUi(organiser, demo("organiser"), EN);
    await organiser.waitForURL((url) => url.pathname !== "/signin");
    await organiser.goto(`${stack.baseUrl()}/organiser/dashboard`);
    const picker = organiser.getByLabel("Year", { exact: true });
    await picker.waitFor();
    const year = Number(await picker.inputValue());
    const download = organiser.waitForEvent("download");
    await organiser.getByRole("button", { name: "Download report (PDF)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`bao-cao-chuong-trinh-${year}.pdf`);
    // Kept beside the screenshots, to be looked at.
    mkdirSync(stack.artifactsDir(), { recursive: true });
    await file.saveAs(path.join(stack.artifactsDir(), "programme-report.pdf"));
    const text = (await readPdfText(readFileSync((await file.path())!))).pages.join("\n");
    const progress = (await (await apiAs(organiser.context().request)).get(`/programme/${year}/progress`)).body;
    expect(text).toContain(`năm ${year}`);
    // The Hanoi firms the year's events counted, as the page shows them (Vietnamese digit grouping).
    expect(text).toContain(new Intl.NumberFormat("vi-VN").format(progress.progress.domesticFirms));
    expect(progress.progress.domesticFirms).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });
});
