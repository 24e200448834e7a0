import type { Browser } from "playwright-core";
import type { DirectoryPage } from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";

// A Japanese buyer searches the company directory in Japanese (issue #18: 金型 found nothing while
// the Vietnamese "khuon" found 24 firms).
describe("the directory searched in the reader's own script", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  test("金型 typed in the search box lists the mould makers; a word no firm has lists none", async () => {
    const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("pageerror", (e) => failed.push(e.message));
    await page.goto(`${stack.baseUrl()}/companies`);
    await page.getByRole("heading", { level: 1, name: "参加企業名簿" }).waitFor();

    // As many firms as the api finds for the process filter (journeys may have added firms of their own).
    const mould = (await (await page.request.get(`${stack.baseUrl()}/api/companies?process=proc.mould&pageSize=1`)).json()) as DirectoryPage;
    expect(mould.total).toBeGreaterThan(0);

    await page.getByRole("searchbox", { name: "検索" }).fill("金型");
    await page.waitForURL(/q=%E9%87%91%E5%9E%8B/);
    await page.getByRole("heading", { level: 2, name: `${new Intl.NumberFormat("ja").format(mould.total)}社`, exact: true }).waitFor();
    // The cards show the firms' processes in Japanese, mould making among them.
    await page.getByRole("article").getByText("金型製作").first().waitFor();
    await screenshot(page, "directory-search-ja");

    // The Korean and Chinese words for it find the same firms.
    for (const word of ["금형", "模具"]) {
      await page.getByRole("searchbox", { name: "検索" }).fill(word);
      await page.waitForURL(new RegExp(`q=${encodeURIComponent(word)}`));
      await page.getByRole("heading", { level: 2, name: `${new Intl.NumberFormat("ja").format(mould.total)}社`, exact: true }).waitFor();
    }

    await page.getByRole("searchbox", { name: "検索" }).fill("ラーメン");
    await page.getByText("該当する企業はありません。条件を減らしてください。").waitFor();
    expect(failed).toEqual([]);
    await context.close();
  });
});
