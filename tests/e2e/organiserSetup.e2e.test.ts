import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, signInThroughUi } from "../support/journeys";

// The organiser keeps the fair itself in the console against the real stack: the set-up (tables
// changed and back, with what happened to displaced meetings), the programme and the interpreters.
const EN = { email: "Email", password: "Password", submit: "Sign in" };

describe("the organiser's fair set-up, programme and interpreters", () => {
  let browser: Browser;
  let page: Page;
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    browser = await launchBrowser();
    const ctx = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/Berlin" });
    ctx.setDefaultTimeout(15_000);
    page = await ctx.newPage();
    await signInThroughUi(page, demo("organiser"), EN);
    await page.waitForURL(/\/organiser$/);
  });
  afterAll(() => browser?.close());

  test("changes the number of onsite tables and back, and reads what happened to displaced meetings (none: the numbers are known)", async () => {
    await page.getByRole("link", { name: "Fair set-up" }).click();
    await page.getByRole("heading", { name: "Fair set-up", level: 1 }).waitFor();
    const tables = page.getByLabel("Onsite tables", { exact: true });
    const before = await tables.inputValue();
    expect(Number(before)).toBeGreaterThan(0);

    // A bad value is refused as you type, before the api.
    await tables.fill("-1");
    await page.locator(".field.invalid").filter({ has: tables }).locator(".field-error").waitFor();

    /** Saves a number of tables; the api's answer (this save's, not an earlier message still on screen) says what moved. */
    const saveTables = async (value: string) => {
      await tables.fill(value);
      const answer = page.waitForResponse((r) => r.request().method() === "PUT" && new URL(r.url()).pathname.startsWith("/api/fairs/"));
      await page.getByRole("button", { name: "Save the set-up" }).click();
      const res = await answer;
      expect(res.status()).toBe(200);
      return ((await res.json()) as { replanned: { moved: number; cancelled: number } }).replanned;
    };
    const noneDisplaced = page.getByRole("status").filter({ hasText: "Saved. Displaced meetings: 0 moved, 0 cancelled with notice." });

    // More tables displace no meeting.
    expect(await saveTables(String(Number(before) + 5))).toEqual({ moved: 0, cancelled: 0 });
    await noneDisplaced.waitFor();
    await screenshot(page, "fair-setup");

    // Back to as many as before: no booked meeting sits at a table above them, so again nothing moves.
    const api = await apiAs(page.context().request);
    const booked = (await api.get("/meetings?status=booked")).body as { mode?: string; table?: number }[];
    expect(booked.length).toBeGreaterThan(0); // the demo's booked meetings, read as the organiser
    expect(booked.filter((m) => m.mode === "onsite" && (m.table ?? 0) > Number(before))).toEqual([]);
    expect(await saveTables(before)).toEqual({ moved: 0, cancelled: 0 });
    await noneDisplaced.waitFor();
    await page.reload();
    await expect(page.getByLabel("Onsite tables", { exact: true }).inputValue()).resolves.toBe(before);
  });

  test("adds a seminar to the programme, changes its capacity, deletes it", async () => {
    const title = `Seminar on die casting ${stamp}`;
    await page.goto(`${stack.baseUrl()}/organiser/programme`);
    await page.getByRole("heading", { name: "Programme", level: 1 }).waitFor();
    const add = page.getByRole("form", { name: "Add a session" });
    // No title in any language: the schema's message shows before the api is asked.
    await add.getByRole("button", { name: "Add to the programme" }).click();
    await add.locator(".field-error").first().waitFor();

    await add.getByLabel("Kind").selectOption("seminar");
    await add.getByLabel("Title (English)").fill(title);
    // The room is named per language, like the title (issue #18: rooms were one Vietnamese string).
    await add.getByLabel("Room (Vietnamese)").fill("Hội trường B, phòng 2");
    await add.getByLabel("Room (English)").fill("Hall B, room 2");
    await add.getByLabel("Capacity").fill("40");
    await add.getByLabel("Starts").fill("14:00");
    await add.getByLabel("Ends").fill("15:00");
    await add.getByLabel("Speakers").fill("Dr. Tanaka\nMs. Lan");
    await add.getByRole("button", { name: "Add to the programme" }).click();
    await page.getByRole("status").filter({ hasText: "Session added to the programme." }).waitFor();
    const card = page.getByRole("listitem", { name: title });
    await card.getByText("40 seats").waitFor();
    await card.getByText("Hall B, room 2", { exact: true }).waitFor();
    // In the fair's time, though the browser is in Berlin (12-hour in English: 2:00 PM).
    await card.getByText(/(14:00|2:00\W?PM)\W+(15:00|3:00\W?PM)/).waitFor();

    await card.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("form", { name: `Edit: ${title}` });
    await edit.getByLabel("Capacity").fill("80");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Session changes saved." }).waitFor();
    await card.getByText("80 seats").waitFor();

    await card.getByRole("button", { name: "Delete" }).click();
    await card.getByRole("button", { name: "Confirm delete" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `“${title}” deleted.` })
      .waitFor();
    await card.waitFor({ state: "detached" });
  });

  test("adds an interpreter with languages and days, edits, deletes", async () => {
    const name = `Pham Thi Thu ${stamp}`;
    await page.goto(`${stack.baseUrl()}/organiser/interpreters`);
    await page.getByRole("heading", { name: "Interpreters", level: 1 }).waitFor();
    const add = page.getByRole("form", { name: "Add an interpreter" });
    await add.getByLabel("Name", { exact: true }).fill(name);
    await add.getByRole("checkbox", { name: "Vietnamese" }).check();
    // One language is not a bridge: refused as you type/submit.
    await add.getByRole("button", { name: "Add the interpreter" }).click();
    await add.locator(".field-error").first().waitFor();
    await add.getByRole("checkbox", { name: "Korean" }).check();
    const days = add.getByRole("group", { name: "Working days" }).getByRole("checkbox");
    await days.first().check();
    await add.getByRole("button", { name: "Add the interpreter" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${name} added.` })
      .waitFor();
    const card = page.getByRole("listitem", { name });
    await card.getByText("Korean").waitFor();

    await card.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("form", { name: `Edit: ${name}` });
    await edit.getByRole("checkbox", { name: "Japanese" }).check();
    await edit.getByRole("group", { name: "Working days" }).getByRole("checkbox").last().check();
    await edit.getByRole("button", { name: "Save changes" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Changes to ${name} saved.` })
      .waitFor();
    await card.getByText("Japanese").waitFor();

    await card.getByRole("button", { name: "Delete" }).click();
    await card.getByRole("button", { name: "Confirm delete" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${name} removed.` })
      .waitFor();
    await card.waitFor({ state: "detached" });
  });
});
