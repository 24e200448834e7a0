import type { Browser } from "playwright-core";
import type { CompanyCard, MeetingView } from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo } from "../support/journeys";

// Content in the reader's language, by one fallback order everywhere (issue #18): rooms were one
// Vietnamese string; a Japanese vendor saw his own booth's headline in Vietnamese on the booth page
// (English in the hall); Vietnamese organisers saw Hanoi firms by their English names.
describe("pages in the reader's language", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  test("a Japanese visitor reads the programme's rooms in Japanese", async () => {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    await page.goto(stack.baseUrl());
    const programme = page.getByRole("region", { name: "プログラム" });
    await programme.getByText("開会式").waitFor();
    await programme.locator(".room").filter({ hasText: "ホールA" }).first().waitFor();
    expect(await programme.getByText("Hội trường A").count()).toBe(0);
    await context.close();
  });

  test("a Japanese vendor sees his booth's headline in the same language on the booth page as in the hall", async () => {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const vendor = await apiAs(context.request, demo("vendor"));
    const companyId = ((await vendor.get("/auth/session")).body as { user: { companyId: string } }).user.companyId;
    const card = (await vendor.get(`/companies/${companyId}`)).body as CompanyCard;
    // The demo headline is written in English and Vietnamese: a Japanese reader gets the English.
    const headline = card.booth!.headline!;
    expect(headline.ja).toBeUndefined();
    expect(headline.en && headline.vi).toBeTruthy();

    const page = await context.newPage();
    await page.goto(`${stack.baseUrl()}/booths/${companyId}`);
    await page.getByTestId("booth").getByText(headline.en!, { exact: true }).waitFor();
    expect(await page.getByText(headline.vi!, { exact: true }).count()).toBe(0);
    await screenshot(page, "booth-headline-ja");

    await page.goto(`${stack.baseUrl()}/hall`);
    await page.locator(".booth-tile").filter({ hasText: headline.en! }).first().waitFor();
    await context.close();
  });

  test("a Vietnamese organiser sees a Hanoi firm by its Vietnamese legal name; an English one by its English name", async () => {
    const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    const organiser = await apiAs(context.request, demo("organiser"));
    // A seeded meeting asked for by a Hanoi firm with an English name (firms the journeys register have none).
    const meetings = ((await organiser.get("/meetings")).body as MeetingView[]).filter((m) => m.requester.country === "VN");
    let hanoiFirst: MeetingView | undefined;
    let firm: CompanyCard | undefined;
    for (const m of meetings) {
      const c = (await organiser.get(`/companies/${m.requester.companyId}`)).body as CompanyCard;
      if (c.englishName && c.englishName !== c.legalName) [hanoiFirst, firm] = [m, c];
      if (firm) break;
    }
    if (!hanoiFirst || !firm) throw new Error("no seeded meeting asked for by a Hanoi firm with an English name");

    const page = await context.newPage();
    await page.goto(`${stack.baseUrl()}/meetings/${hanoiFirst.id}`);
    await page.getByRole("heading", { level: 1, name: `Cuộc gặp với ${firm.legalName}` }).waitFor();
    await screenshot(page, "meeting-organiser-vi");

    // The directory's card names the firm the same way, the other name beneath it.
    await page.goto(`${stack.baseUrl()}/companies?q=${encodeURIComponent(firm.legalName)}`);
    const cardOnPage = page.locator(".company-card").filter({ has: page.getByRole("link", { name: firm.legalName, exact: true }) });
    await cardOnPage.getByText(firm.englishName!, { exact: true }).waitFor();

    // Switched to English: the English name heads the meeting page.
    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await page.goto(`${stack.baseUrl()}/meetings/${hanoiFirst.id}`);
    await page.getByRole("heading", { level: 1, name: `Meeting with ${firm.englishName}` }).waitFor();
    await context.close();
  });
});
