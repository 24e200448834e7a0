import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  OBJECT_ID_HEX,
  type MeetingView,
  type PlanSlotOptions,
  type SchedulePlanSummary,
  type SchedulePlanView,
  type SlotBlock,
} from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, freshTaxCode, signInThroughUi } from "../support/journeys";
import { registrationLink, registrationToken } from "../support/registrationMail";

// A domestic firm's journey against the real api, database and realtime service behind the gateway:
// sign up with consent, search the directory, ask the demo vendor to meet (a slot taken meanwhile
// gives alternatives), the vendor counter-proposes and declines another firm, the firm accepts, and
// both agendas show the meeting in their own time zone with Hanoi's beside it.
const EN = { email: "Email", password: "Password", submit: "Sign in" };

/** Why the scheduler page says a slot cannot take a meeting (its English wording). */
function whyInEnglish(r: SlotBlock, maxRun: number | null): string {
  const party = r.party?.name ?? "";
  const text: Record<SlotBlock["code"], string> = {
    current: "its slot now",
    booked: "already booked: move it on its meeting page",
    notWished: "the firms asked for another time of day",
    partyUnavailable: `${party} is not available`,
    partyOutsideHours: `outside ${party}'s working hours`,
    partySession: `${party} is at a fair session`,
    partyBlocked: `${party} marked it unavailable`,
    partyBusy: r.with ? `${party} meets ${r.with.name} then` : `${party} has another meeting then`,
    partyCap: `${party} already has its most meetings`,
    noTable: "no table free",
    noRoom: "no online room free",
    noInterpreter: "no interpreter for the pair free",
    interpreterRun: `the interpreter free then would have more than ${maxRun} in a row`,
  };
  return text[r.code];
}
const JA = { email: "メールアドレス", password: "パスワード", submit: "サインイン" };
const VENDOR = "Kansai Seiki Co., Ltd.";

describe("a domestic firm and a foreign vendor meet", () => {
  let browser: Browser;
  let firmCtx: BrowserContext;
  let vendorCtx: BrowserContext;
  let firm: Page;
  let vendor: Page;
  const suffix = Date.now().toString(36);
  const firmName = `Cơ khí Thử nghiệm ${suffix}`;
  const otherFirmName = `Nhựa Thử nghiệm ${suffix}`;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    firmCtx = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh", acceptDownloads: true });
    vendorCtx = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    for (const c of [firmCtx, vendorCtx]) c.setDefaultTimeout(15_000);
    firm = await firmCtx.newPage();
    vendor = await vendorCtx.newPage();
    for (const p of [firm, vendor]) p.on("pageerror", (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a firm signs up with consent; the form validates as it types with the api's rules", async () => {
    await firm.goto(`${stack.baseUrl()}/signup`);
    await firm.getByRole("heading", { name: "Register your firm for the fair" }).waitFor();
    // As-you-type: a bad email and a short password are flagged before anything is sent.
    await firm.getByLabel("Email").fill("not-an-email");
    await firm.getByLabel("Email").blur();
    await firm.locator(".field-error").first().waitFor();
    await firm.getByLabel("Password").fill("short");
    expect(await firm.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
    await firm.getByLabel("Tax code").fill("0100109100"); // wrong check digit
    await firm.getByLabel("Tax code").blur();
    await firm.getByText("invalid Vietnamese tax code").waitFor();
    // Submitting without the required consent shows why and sends nothing.
    await firm.getByRole("button", { name: "Create account" }).click();
    await firm.getByText("Your consent is needed to register.").waitFor();

    await firm.getByLabel("Legal name").fill(firmName);
    await firm.getByLabel("Tax code").fill(freshTaxCode());
    await firm.getByLabel("District").fill("Đông Anh");
    await firm.getByLabel("Full name").fill("Nguyễn Thử");
    await firm.getByLabel("Email").fill(`firm-${suffix}@example.vn`);
    await firm.getByLabel("Password").fill("a long enough passphrase");
    await firm.getByLabel(/I agree to the terms of use/).check();
    expect(await firm.locator(".field-error").count()).toBe(0);
    await firm.getByRole("button", { name: "Create account" }).click();
    // Nothing exists until the address is confirmed: the mailed link creates the firm and signs in.
    await firm.getByRole("heading", { name: "Check your email" }).waitFor();
    await firm.getByText(`We sent a message to firm-${suffix}@example.vn.`, { exact: false }).waitFor();
    await firm.goto(await registrationLink(`firm-${suffix}@example.vn`));
    await firm.waitForURL(/\/onboarding$/);
    // Signed in: the menu is the firm's.
    await firm.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My agenda" }).waitFor();
    await firm.getByText("Nguyễn Thử · Domestic firm").waitFor();

    // The onboarding wizard builds the profile from the taxonomy in a few clicks.
    await firm.getByRole("heading", { name: `Profile: ${firmName}` }).waitFor();
    await firm.getByLabel("Mechanical engineering").check();
    for (const lang of ["Vietnamese", "English", "Japanese"]) await firm.getByLabel(lang, { exact: true }).check();
    await firm.getByRole("button", { name: "Next" }).click();
    await firm.getByLabel("5-axis CNC milling").check();
    await firm.getByLabel("Wire harness").check();
    await firm.getByRole("button", { name: "Next" }).click();
    await firm.getByLabel("ISO 9001").check();
    await firm.getByRole("button", { name: "Next" }).click();
    await firm.getByLabel("Servo presses").check();
    await firm.getByLabel("Find buyers for our capabilities").check();
    await firm.getByRole("button", { name: "Next" }).click();
    await firm.getByText("5-axis CNC milling, Wire harness").waitFor();
    await firm.getByRole("button", { name: "Save the profile" }).click();
    await firm.getByText("Profile saved.").waitFor();
  });

  test("the organiser approves the new firm in the console (a second firm by the api); that firm asks the vendor too", async () => {
    const octx = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Ho_Chi_Minh" });
    const opage = await octx.newPage();
    await signInThroughUi(opage, demo("organiser"), EN);
    await opage.waitForURL(/\/organiser$/);
    // In the organiser's directory the firm is marked as waiting.
    await opage.goto(`${stack.baseUrl()}/companies?q=${encodeURIComponent(firmName)}`);
    await opage.locator(".company-card").filter({ hasText: firmName }).getByText("Awaiting approval").waitFor();
    await opage.goBack();
    const approvals = opage.getByRole("region", { name: "Registrations to approve" });
    await approvals.getByRole("link", { name: firmName }).waitFor();
    await approvals.getByRole("button", { name: `Approve ${firmName}` }).click();
    await approvals.getByRole("listitem").filter({ hasText: firmName }).getByText("Approved").waitFor();
    await opage.reload();
    // Loaded again (the list, or that none is waiting), the firm is no longer there.
    await opage.getByRole("region", { name: "Registrations to approve" }).locator("ul.approvals, .empty").first().waitFor();
    expect(await opage.getByRole("link", { name: firmName }).count()).toBe(0);
    await octx.close();
    const organiser = await apiAs((await browser.newContext()).request, demo("organiser"));
    const me = await apiAs(firmCtx.request);
    const session = (await me.get("/auth/session")).body;
    expect((await me.get(`/companies/${session.user.companyId}`)).body.status).toBe("approved");
    // The wizard saved its languages: its meetings with English or Japanese speakers need no interpreter.
    expect((await me.get(`/companies/${session.user.companyId}`)).body.languages).toEqual(["vi", "en", "ja"]);

    // A second firm registers, unlisted (no consent to show its profile in the directory), and asks
    // the vendor to meet (the vendor opens its card and declines it below).
    const otherCtx = await browser.newContext();
    const other = otherCtx.request;
    const reg = await other.post(`${stack.baseUrl()}/api/auth/register`, {
      headers: { Origin: stack.baseUrl() },
      data: {
        email: `other-${suffix}@example.vn`,
        password: "a long enough passphrase",
        name: "Lê Khác",
        role: "domestic",
        company: { legalName: otherFirmName, taxCode: freshTaxCode(), country: "VN" },
        consents: { personalData: true, profileSharing: false },
      },
    });
    expect(reg.status()).toBe(202);
    const confirmed = await other.post(`${stack.baseUrl()}/api/auth/register/confirm`, {
      headers: { Origin: stack.baseUrl() },
      data: { token: registrationToken(await registrationLink(`other-${suffix}@example.vn`)) },
    });
    expect(confirmed.status()).toBe(201);
    const otherCompany = (await confirmed.json()).user.companyId;
    expect((await organiser.post(`/companies/${otherCompany}/approve`)).status).toBe(204);
    const vendorCompany = (await (await apiAs(firmCtx.request)).get(`/companies?q=${encodeURIComponent("kansai seiki")}`)).body.data[0];
    expect(vendorCompany.legalName).toBe(VENDOR);
    const asOther = await apiAs(other);
    expect((await asOther.post("/meetings", { with: vendorCompany.id, message: "Cần mua máy dập.", mode: "either" })).status).toBe(201);
    await otherCtx.close();
  });

  test("the public directory finds companies without diacritics and filters them", async () => {
    const anon = await browser.newPage({ locale: "vi-VN" });
    await anon.goto(`${stack.baseUrl()}/companies`);
    await anon.getByRole("heading", { name: "Danh bạ doanh nghiệp tham gia" }).waitFor();
    await anon.getByLabel("Tìm kiếm").fill(`co khi thu nghiem ${suffix}`);
    await anon.getByRole("link", { name: firmName }).waitFor();
    await anon.getByLabel("Tìm kiếm").fill("");
    await anon.getByLabel("Quốc gia").selectOption("JP");
    await anon.getByRole("link", { name: VENDOR }).waitFor();
    expect(anon.url()).toContain("country=JP");
    expect(await anon.locator(".company-card").count()).toBeGreaterThan(1);
    await screenshot(anon, "directory-vi");

    // The virtual hall: booths by country, the live count, one click into a booth.
    await anon.getByRole("link", { name: "Sảnh triển lãm ảo" }).click();
    await anon.getByRole("heading", { name: "Nhật Bản", level: 2 }).waitFor();
    await anon.getByText(/người đang trực tuyến/).waitFor();
    await anon.getByRole("button", { name: "Theo ngành" }).click();
    await anon.getByRole("link", { name: new RegExp(VENDOR.replace(/[.]/g, "\\.")) }).click();
    await anon.waitForURL(new RegExp(`/booths/${OBJECT_ID_HEX}$`));
    await anon.close();
  });

  test("the firm asks the vendor to meet: a slot taken meanwhile brings alternatives, then a request", async () => {
    await firm.goto(`${stack.baseUrl()}/companies?q=kansai`);
    await firm.getByRole("link", { name: VENDOR }).click();
    await firm.getByRole("heading", { name: VENDOR, level: 1 }).waitFor();
    const slots = firm.getByRole("radiogroup", { name: "Slots you both have free" });
    await slots.getByRole("radio").first().waitFor();
    const shown = await slots.getByRole("radio").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

    // Meanwhile the firm books one of those slots with another vendor (through the api): it is taken.
    const me = await apiAs(firmCtx.request);
    const koreans = (await me.get("/companies?kind=foreign&language=en&pageSize=10")).body.data as { id: string; legalName: string }[];
    let taken: string | undefined;
    for (const k of koreans.filter((c) => c.legalName !== VENDOR)) {
      const free = new Set(((await me.get(`/meetings/slots?with=${k.id}`)).body as { id: string }[]).map((x) => x.id));
      taken = shown.find((id) => free.has(id));
      if (taken) {
        const booked = await me.post("/meetings", { with: k.id, slot: taken, mode: "either" });
        expect([booked.status, booked.body?.error]).toEqual([201, undefined]);
        break;
      }
    }
    expect(taken).toBeDefined();
    await slots.locator(`input[value="${taken}"]`).check();
    await firm.getByRole("button", { name: "Book this slot" }).click();
    await firm.getByText("That slot was just taken. Please choose another.").waitFor();
    await firm.getByRole("radiogroup", { name: "Nearest free slots instead" }).getByRole("radio").first().waitFor();
    await screenshot(firm, "request-alternatives");

    // Instead: a request the vendor answers.
    await firm.getByLabel("Message").fill("We machine wire-harness connectors and need a servo press.");
    await firm.getByRole("button", { name: "Send the request" }).click();
    await firm.getByText(`Request sent to ${VENDOR}.`).waitFor();
  });

  test("the vendor (in Japanese, in Tokyo) declines one request with a reason and counter-proposes the other", async () => {
    await signInThroughUi(vendor, demo("vendor"), JA);
    await vendor.waitForURL(/\/recommendations$/);
    await vendor.getByRole("link", { name: "面談リクエスト" }).click();
    const toAnswer = vendor.getByRole("region", { name: /あなたの回答待ち/ });
    const other = toAnswer.getByRole("listitem").filter({ hasText: otherFirmName });
    // The firm is not in the directory, but the side it asked sees who asks and their common slots.
    await other.getByRole("link", { name: otherFirmName }).click();
    await vendor.getByRole("heading", { level: 1, name: otherFirmName }).waitFor();
    await vendor.goBack();
    await other.getByRole("button", { name: "別の時間枠を提案" }).click();
    await other.getByRole("radio").first().waitFor();
    await other.getByRole("button", { name: "別の時間枠を提案" }).click();
    await other.getByRole("button", { name: "辞退" }).click();
    await other.getByLabel("理由").selectOption("already_partner");
    await other.getByRole("button", { name: "辞退を送信" }).click();
    await toAnswer.getByText(otherFirmName).waitFor({ state: "detached" });

    const mine = toAnswer.getByRole("listitem").filter({ hasText: firmName });
    await mine.getByText("We machine wire-harness connectors").waitFor();
    await mine.getByRole("button", { name: "別の時間枠を提案" }).click();
    await mine.getByRole("radio").nth(1).check();
    await mine.getByRole("button", { name: "提案を送信" }).click();
    // Now it is the firm's turn: it moves to the vendor's "sent" list.
    await vendor
      .getByRole("region", { name: /送信済み/ })
      .getByText(firmName)
      .waitFor();
    await screenshot(vendor, "inbox-ja");
  });

  test("the firm accepts the counter-proposal; both agendas show it with both time zones", async () => {
    await firm.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Requests" }).click();
    const item = firm
      .getByRole("region", { name: /Waiting for your answer/ })
      .getByRole("listitem")
      .filter({ hasText: VENDOR });
    await item.getByText("Counter-proposed").waitFor();
    await item.getByRole("button", { name: "Accept" }).click();
    await item.getByText("Accept the slot they proposed.").waitFor();
    await item.getByRole("button", { name: "Confirm the meeting" }).click();
    await item.waitFor({ state: "detached" });

    await firm.getByRole("link", { name: "My agenda" }).click();
    const entry = firm.getByRole("listitem").filter({ hasText: VENDOR });
    await entry.waitFor();
    // Where they meet is what the api booked: its table, or the online room.
    const agenda = (await (await apiAs(firm.context().request)).get("/meetings?status=booked")).body as {
      mode: string;
      table?: number;
      recipient: { name: string };
      requester: { name: string };
    }[];
    const meeting = agenda.filter((m) => m.recipient.name === VENDOR || m.requester.name === VENDOR);
    expect(meeting).toHaveLength(1);
    await entry.getByText(meeting[0]!.mode === "onsite" ? `Table ${meeting[0]!.table}` : "Join online", { exact: true }).waitFor();
    // The firm is in Hanoi: no second zone. ICS download and the calendar-feed link.
    const download = firm.waitForEvent("download");
    await firm.getByRole("link", { name: "Download the agenda (.ics)" }).click();
    const ics = readFileSync((await (await download).path())!, "utf8");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("SUMMARY:Meeting with Kansai Seiki Co.");
    await firm.getByRole("button", { name: "Create a calendar link" }).click();
    expect(await firm.getByLabel("Calendar subscription link").inputValue()).toMatch(/\/api\/calendar\/[^/]+\.ics$/);
    await screenshot(firm, "agenda-en");

    // The vendor in Tokyo sees it too, Tokyo time first and Hanoi time beside it.
    await vendor.getByRole("link", { name: "マイアジェンダ" }).click();
    const vEntry = vendor.getByRole("listitem").filter({ hasText: firmName });
    await vEntry.waitFor();
    await vEntry.getByText(/ハノイ時間/).waitFor();
    await screenshot(vendor, "agenda-ja");
  });

  test("the meeting page: the firm moves the meeting to another free slot; cancelling asks first; outcomes wait for the start", async () => {
    await firm.getByRole("listitem").filter({ hasText: VENDOR }).getByRole("link", { name: "Details" }).click();
    await firm.getByRole("heading", { name: `Meeting with ${VENDOR}` }).waitFor();
    const when = firm.locator(".facts-list div").filter({ hasText: "When" }).locator("dd");
    const before = await when.innerText();

    // Move: the slots both sides have free; the vendor is told, the page shows the new time.
    await firm.getByRole("button", { name: "Move to another slot" }).click();
    const choices = firm.getByRole("radiogroup", { name: "Move to another slot" });
    await choices.getByRole("radio").last().check();
    await firm.getByRole("button", { name: "Move the meeting" }).click();
    await firm.getByText("Meeting moved.").waitFor();
    expect(await when.innerText()).not.toBe(before);
    // Stored so: one meeting with the vendor, moved once (calendars replace its event by SEQUENCE).
    const withVendor = ((await (await apiAs(firmCtx.request)).get("/meetings?status=booked")).body as MeetingView[]).filter(
      (m) => m.recipient.name === VENDOR,
    );
    expect(withVendor.map((m) => m.sequence)).toEqual([1]);

    // Cancel only after confirming (a mis-click must not cancel a delegation's meeting).
    await firm.getByRole("button", { name: "Cancel the meeting" }).click();
    await firm.getByLabel("Tell them why (optional)").waitFor();
    await firm.getByRole("button", { name: "Confirm the cancellation" }).waitFor();
    await firm.getByRole("button", { name: "Cancel the meeting" }).click();
    await firm.getByRole("button", { name: "Confirm the cancellation" }).waitFor({ state: "detached" });
    await firm.getByText("Booked", { exact: true }).waitFor();

    // Before the meeting: no outcome form and no no-show button (the api refuses both until it starts).
    await firm.getByText("The outcome, and a no-show, can be recorded once the meeting has started.").waitFor();
    expect(await firm.getByLabel("What came of it for your firm").count()).toBe(0);
    expect(await firm.getByRole("button", { name: "Report a no-show" }).count()).toBe(0);
    await screenshot(firm, "meeting-page");
    expect(errors).toEqual([]);
  });

  test("an organiser at the desk may report either side absent once the meeting has started", async () => {
    const meeting = ((await (await apiAs(firmCtx.request)).get("/meetings?status=booked")).body as MeetingView[]).find(
      (m) => m.recipient.name === VENDOR,
    )!;
    const ctx = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/Berlin" });
    const page = await ctx.newPage();
    await signInThroughUi(page, demo("organiser"), EN);
    await page.waitForURL(/\/organiser$/);
    // Before the start: neither button.
    await page.goto(`${stack.baseUrl()}/meetings/${meeting.id}`);
    await page.getByRole("button", { name: "Cancel the meeting" }).waitFor();
    expect(await page.getByRole("button", { name: /^Report .* absent$/ }).count()).toBe(0);
    // The page's clock ten minutes into the meeting (the api keeps the real one: the demo fair is days ahead).
    await page.clock.setFixedTime(new Date(Date.parse(meeting.slot!.start) + 10 * 60_000));
    await page.reload();
    await page.getByRole("button", { name: `Report ${meeting.requester.name} absent` }).waitFor();
    await page.getByRole("button", { name: `Report ${VENDOR} absent` }).click();
    await page.getByText("The meeting has not started yet.").waitFor();
    await ctx.close();
  });

  test("the organiser runs the auto-scheduler, sees value against the bound, finds the plan again in the list, moves a meeting to a slot offered (another says why not) and publishes once", async () => {
    const ctx = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/Berlin" });
    ctx.setDefaultTimeout(30_000);
    const page = await ctx.newPage();
    await signInThroughUi(page, demo("organiser"), EN);
    await page.waitForURL(/\/organiser$/);
    await page.getByRole("link", { name: "Auto-scheduler" }).first().click();
    await page.getByLabel("Time limit (seconds)").fill("0");
    await page.getByLabel("Time limit (seconds)").blur();
    await page.locator(".field-error").first().waitFor(); // below the api's minimum of 0.2 s
    await page.getByLabel("Time limit (seconds)").fill("1");
    const summary = page.getByRole("region", { name: /^Plan (Draft|Published)$/ });
    const figure = (label: string) =>
      summary
        .locator(".figures > div")
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator("dd");
    const number = async (label: string) =>
      Number(
        (await figure(label).innerText())
          .split("\n")[0]!
          .replace(/[^\d,.]/g, "")
          .replace(/,/g, ""),
      );

    // A draft with three matching proposals per company leaves many out: grouped by reason, the groups
    // add up to the "Left out" figure, and a group opened lists every one of its meetings.
    await page.getByLabel("Matching proposals per company").fill("3");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const groups = page.getByRole("region", { name: "Left out, and why" }).locator("details");
    await groups.first().waitFor();
    const counts = (await groups.locator("summary").allInnerTexts()).map((text) => Number(text.match(/([\d,]+) meetings?,/)![1]!.replace(/,/g, "")));
    expect(counts.reduce((x, y) => x + y, 0)).toBe(await number("Left out"));
    await groups.first().locator("summary").click();
    expect(await groups.first().getByRole("listitem").count()).toBe(counts[0]);
    expect(counts[0]).toBeGreaterThan(0);

    // The plan to publish: only what firms asked for.
    const draft = page.url();
    await page.getByLabel("Matching proposals per company").fill("0");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.waitForURL((url) => url.href !== draft);
    await summary.getByText("Proven upper bound").waitFor();
    await summary.getByText("Share of the bound").waitFor();
    await summary.getByText("First-fit baseline").waitFor();
    // The share is rounded down (a plan short of its bound never reads 100%); first-fit shows its breaks under its value.
    const [value, bound] = [await number("Value"), await number("Proven upper bound")];
    const share = await figure("Share of the bound").innerText();
    expect(share).toMatch(/^\d{1,3}(\.\d{1,2})?%$/);
    if (value < bound) expect(share).not.toBe("100%");
    expect(await figure("First-fit baseline").locator("small").innerText()).toMatch(/^[\d,]+ breaks$/);
    await page.getByRole("heading", { name: "Left out, and why" }).waitFor();
    expect(page.url()).toMatch(new RegExp(`\\?plan=${OBJECT_ID_HEX}$`));

    // The new firm's booked meeting is in the plan; the filter finds it typed without diacritics.
    const placed = page.getByRole("region", { name: "Placed meetings" });
    await placed.getByLabel("Filter by company").fill(`co khi thu nghiem ${suffix}`);
    await placed
      .getByRole("cell", { name: new RegExp(firmName) })
      .first()
      .waitFor();
    expect(await placed.locator("tbody tr").count()).toBeGreaterThan(0);
    await placed.getByLabel("Filter by company").fill("");

    // The run form keeps interpreters to three meetings in a row by default; the summary says how that went.
    expect(await page.getByLabel("Interpreter: most meetings in a row").inputValue()).toBe("3");
    await figure("Interpreter runs at the limit")
      .locator("small")
      .getByText(/^at most 3 in a row; longest [0-3]$/)
      .waitFor();

    // Leaving the page does not lose the plan: the list has both plans, newest first, and opens it again.
    const planId = new URL(page.url()).searchParams.get("plan")!;
    const api = await apiAs(ctx.request);
    const plans = (await api.get("/scheduler/plans")).body as SchedulePlanSummary[];
    expect(plans[0]!.id).toBe(planId);
    await page.goto(`${stack.baseUrl()}/organiser`);
    await page.getByRole("heading", { name: "Fair console" }).waitFor();
    await page.getByRole("link", { name: "Auto-scheduler" }).first().click();
    const list = page.getByRole("region", { name: "Plans" });
    await list.locator("tbody tr").nth(1).waitFor();
    expect(await list.locator("tbody tr").count()).toBe(plans.length);
    await list.locator(`a[href$="?plan=${planId}"]`).click();
    await page.waitForURL((url) => url.searchParams.get("plan") === planId);
    await summary.getByText("Proven upper bound").waitFor();
    await list.locator('tr[aria-current="true"]').getByText("shown below").waitFor();

    // A meeting to move, chosen through the api: one with a slot it can take and a slot it cannot.
    const plan = (await api.get(`/scheduler/plans/${planId}`)).body as SchedulePlanView;
    let chosen: { meeting: SchedulePlanView["assignments"][number]; options: PlanSlotOptions } | undefined;
    for (const a of plan.assignments.filter((x) => x.kind !== "booked")) {
      const options = (await api.get(`/scheduler/plans/${planId}/meetings/${encodeURIComponent(a.meeting)}/slots`)).body as PlanSlotOptions;
      if (options.slots.some((s) => s.feasible) && options.slots.some((s) => !s.feasible && s.reasons[0]?.code !== "current")) {
        chosen = { meeting: a, options };
        break;
      }
    }
    expect(chosen).toBeDefined();
    const { meeting, options } = chosen!;
    const feasible = options.slots.filter((s) => s.feasible);
    await placed.getByLabel("Filter by company").fill(meeting.a.name);
    await placed.getByRole("button", { name: `Move the meeting ${meeting.a.name} ↔ ${meeting.b.name}` }).click();
    // Only the slots it can take are offered.
    const select = placed.getByLabel("Slots it can take");
    await select.waitFor();
    const offered = await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered).toEqual(feasible.map((s) => s.id));
    // A slot it cannot take says why, the firm named.
    const refused = options.slots.find((s) => !s.feasible && s.reasons[0]?.code !== "current")!;
    await placed.getByText(/^Why not the other slots \(\d+\)$/).click();
    const why = placed.locator(`li[data-slot="${refused.id}"]`);
    await why.waitFor();
    expect(await why.innerText()).toContain(whyInEnglish(refused.reasons[0]!, options.maxRun));
    // The feasible slot is taken.
    const target = feasible[feasible.length - 1]!;
    await select.selectOption(target.id);
    await placed.getByRole("button", { name: "Apply" }).click();
    await placed.getByText("Moved; the plan still holds.").waitFor();
    const after = (await api.get(`/scheduler/plans/${planId}`)).body as SchedulePlanView;
    expect(after.assignments.find((a) => a.meeting === meeting.meeting)!.slot.id).toBe(target.id);
    await placed.getByLabel("Filter by company").fill("");
    await screenshot(page, "scheduler-plan");

    const toBook = after.assignments.filter((a) => a.kind !== "booked").length;
    expect(toBook).toBeGreaterThan(0);
    // Publishing: the button is disabled from the click until the answer (the request is held back a
    // moment, as a plan of hundreds of meetings takes a while), one request only, and the api refuses a second.
    const publishes: string[] = [];
    page.on("request", (r) => r.method() === "POST" && r.url().endsWith(`/api/scheduler/plans/${planId}/publish`) && publishes.push(r.url()));
    await page.route(`**/api/scheduler/plans/${planId}/publish`, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.getByRole("button", { name: "Publish the plan" }).click();
    const busy = page.getByRole("button", { name: "Publishing…" });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    await page
      .getByRole("status")
      .filter({ hasText: /^Publishing…/ })
      .first()
      .waitFor();
    // The plan books what it planned and no firm touched since: every planned meeting, no conflict.
    await page.getByText(`Published: ${toBook} meetings booked, 0 conflicts.`).waitFor();
    expect(publishes).toHaveLength(1);
    const again = await api.post(`/scheduler/plans/${planId}/publish`);
    expect([again.status, again.body.error.fields.plan]).toEqual([409, "This plan has already been published."]);
    await list.locator('tr[aria-current="true"]').getByText("Published").waitFor();
    await ctx.close();
  });
  test("the firm's owner withdraws profile sharing (the firm leaves the directory), downloads its data and deletes the account", async () => {
    await firm.getByRole("link", { name: /Nguyễn Thử/ }).click();
    await firm.getByRole("heading", { name: "Account and personal data" }).waitFor();
    const sharing = firm.getByLabel("Show the firm's profile to participants and in the public directory.");
    expect(await sharing.isChecked()).toBe(true);
    const anonymous = await apiAs((await browser.newContext()).request);
    expect((await anonymous.get(`/companies?q=${encodeURIComponent(firmName)}`)).body.total).toBe(1);
    await sharing.uncheck();
    await firm.getByText("Saved.").waitFor();
    expect((await anonymous.get(`/companies?q=${encodeURIComponent(firmName)}`)).body.total).toBe(0);

    const download = firm.waitForEvent("download");
    await firm.getByRole("link", { name: "Download my data" }).click();
    const data = JSON.parse(readFileSync((await (await download).path())!, "utf8"));
    expect(data.user.email).toBe(`firm-${suffix}@example.vn`);
    expect(data.user.consents.map((c: { purpose: string }) => c.purpose)).toEqual(["personalData"]);

    await firm.getByRole("button", { name: "Delete my account" }).click();
    await firm.getByLabel("Your password").fill("not the password");
    await firm.getByRole("button", { name: "Delete the account for good" }).click();
    // The wrong password is refused, in words (the "Saved." above is still on the page: wait for this one).
    await firm.getByRole("alert").filter({ hasText: "The email or password is incorrect." }).waitFor();
    await firm.getByLabel("Your password").fill("a long enough passphrase");
    await firm.getByRole("button", { name: "Delete the account for good" }).click();
    await firm.waitForURL(`${stack.baseUrl()}/`);
    await firm.getByRole("link", { name: "Sign in" }).first().waitFor();
    expect(errors).toEqual([]);
  });
});
