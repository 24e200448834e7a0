import type { MeetingView, SchedulePlanView } from "@ketnoi/contracts";
import { launchBrowser, screenshot } from "../support/browser";
import { ApiClient, expectStatus } from "../support/httpClient";
import { stack } from "../support/stack";
import { DEMO_PASSWORD, apiAs, demo, freshTaxCode, signInThroughUi } from "../support/journeys";
import { linkIn, waitForMail } from "../support/mailpit";
import { registrationLink, registrationToken } from "../support/registrationMail";

const EN = { email: "Email", password: "Password", submit: "Sign in" };
const PASSWORD = "a long enough passphrase";

/** A firm registered, its registration confirmed from the mail, and approved: its owner signed in. */
async function registeredFirm(kind: "domestic" | "vendor", name: string, email: string) {
  const base = stack.baseUrl();
  const company =
    kind === "domestic" ? { legalName: name, taxCode: freshTaxCode(), country: "VN", district: "Cầu Giấy" } : { legalName: name, country: "JP" };
  const register = await new ApiClient(base, base, "en").post("/api/auth/register", {
    email,
    password: PASSWORD,
    name: kind === "domestic" ? "Phạm Kế Hoạch" : "Sato Keikaku",
    role: kind,
    locale: "en",
    timeZone: kind === "domestic" ? "Asia/Ho_Chi_Minh" : "Asia/Tokyo",
    company,
    consents: { personalData: true, profileSharing: true, marketing: false },
  });
  expectStatus(register, 202, `register ${name}`);
  const token = registrationToken(await registrationLink(email));
  expectStatus(await new ApiClient(base, base, "en").post("/api/auth/register/confirm", { token }), 201, "confirm the registration");
  const owner = await new ApiClient(base, base, "en").signIn(email, PASSWORD);
  const organiser = await new ApiClient(base, base, "en").signIn(demo("organiser"), DEMO_PASSWORD);
  expectStatus(await organiser.post(`/api/companies/${owner.companyId}/approve`, {}), 204, `approve ${name}`);
  // English in common: no interpreter is needed (the demo's may all be booked by other tests).
  expectStatus(await owner.call("PATCH", `/api/companies/${owner.companyId}`, { languages: ["en"], participation: "onsite" }), 200, "languages");
  return owner;
}

// A vendor that can no longer travel: its meeting at a table must become a video call. The organiser
// re-plans in the browser, sees that change (and no other of this meeting) before publishing,
// publishes, and the firm's owner gets the "moved" mail whose link opens the meeting, now online.
describe("the organiser re-plans after a vendor cancels its trip", () => {
  test("the draft shows the meeting moving to video before anything changes; publishing moves it and the firm follows the mailed link to it", async () => {
    const suffix = Date.now().toString(36);
    const ownerEmail = `replan-${suffix}@example.vn`;
    const firm = await registeredFirm("domestic", `Cơ khí Kế hoạch ${suffix}`, ownerEmail);
    const vendor = await registeredFirm("vendor", `Keikaku Kiki ${suffix}`, `replan-vendor-${suffix}@example.jp`);

    // Booked at a table: the vendor accepts in the first slot still free.
    const request = expectStatus(await firm.post("/api/meetings", { with: vendor.companyId, message: "Dies", mode: "onsite" }), 201, "request")
      .body as {
      id: string;
    };
    const slots = expectStatus(await vendor.get(`/api/meetings/slots?with=${firm.companyId}`), 200, "slots").body as { id: string }[];
    let answer = await vendor.post(`/api/meetings/${request.id}/accept`, { slot: slots[0]!.id });
    for (let i = 1; answer.status === 409 && i < slots.length; i++)
      answer = await vendor.post(`/api/meetings/${request.id}/accept`, { slot: slots[i]!.id });
    const booked = expectStatus(answer, 200, "accept").body as MeetingView;
    expect(booked.mode).toBe("onsite");
    await waitForMail(ownerEmail, /^Meeting with .* confirmed$/);

    // The vendor cancels its trip: it will meet from Tokyo.
    expectStatus(await vendor.call("PATCH", `/api/companies/${vendor.companyId}`, { participation: "remote" }), 200, "meets from abroad");

    const browser = await launchBrowser();
    try {
      const ctx = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Ho_Chi_Minh" });
      ctx.setDefaultTimeout(30_000);
      const page = await ctx.newPage();
      await signInThroughUi(page, demo("organiser"), EN);
      await page.waitForURL(/\/organiser$/);
      await page.getByRole("link", { name: "Auto-scheduler" }).first().click();
      await page.getByLabel("Time limit (seconds)").fill("2");
      await page.getByLabel("Re-plan the booked meetings around what changed").check();
      // Only what the change broke: other firms' open requests stay theirs to answer.
      await page.getByLabel("Also book open requests where the change made room").uncheck();
      await page.getByRole("button", { name: "Re-plan", exact: true }).click();
      const changes = page.getByRole("region", { name: "What publishing changes" });
      await changes.getByRole("status").waitFor();

      // The page's preview is the api's: read it to know where the meeting goes.
      const planId = new URL(page.url()).searchParams.get("plan")!;
      const api = await apiAs(ctx.request);
      const plan = (await api.get(`/scheduler/plans/${planId}`)).body as SchedulePlanView;
      const move = plan.changes!.moved.find((c) => c.meeting === booked.id)!;
      expect(move).toBeDefined();
      expect([move.from.start, move.from.mode, move.to.mode]).toEqual([booked.slot!.start, "onsite", "online"]);
      expect(plan.changes!.cancelled.map((c) => c.meeting)).not.toContain(booked.id);
      expect(plan.changes!.placed).toEqual([]);
      const summary = await changes.getByRole("status").innerText();
      expect(summary).toContain(`${plan.changes!.moved.length} moved`);
      expect(summary).toContain(`${plan.changes!.cancelled.length} cancelled`);
      expect(summary).toContain(`${plan.changes!.peopleTold} firms and interpreters will be told`);
      await changes.getByText(/^Moved \(/).click();
      const row = changes.getByRole("listitem").filter({ hasText: `Cơ khí Kế hoạch ${suffix}` });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/: was .* · Table \d+ → now .* · Online$/);
      await screenshot(page, "scheduler-replan");
      // Nothing has changed yet: the meeting is still at its table.
      expect(expectStatus(await firm.get(`/api/meetings/${booked.id}`), 200, "meeting").body).toMatchObject({
        mode: "onsite",
        sequence: booked.sequence,
      });

      await page.getByRole("button", { name: "Publish the plan" }).click();
      await page.getByText(/^Published: \d+ meetings moved, \d+ cancelled, 0 booked; 0 could not be done\.$/).waitFor();
      const published = (await api.get(`/scheduler/plans/${planId}`)).body as SchedulePlanView;
      expect(published.publishResult).toMatchObject({ moved: plan.changes!.moved.length + plan.changes!.reassigned.length, conflicts: [] });

      // The firm's owner is told, and the mail's link opens the meeting, now a video call at its new time.
      const mail = await waitForMail(ownerEmail, /^Meeting with .* moved$/);
      const firmCtx = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Ho_Chi_Minh" });
      firmCtx.setDefaultTimeout(30_000);
      const firmPage = await firmCtx.newPage();
      await signInThroughUi(firmPage, ownerEmail, EN, PASSWORD);
      await firmPage.waitForURL((url) => url.pathname !== "/signin");
      await firmPage.goto(linkIn(mail, `/meetings/${booked.id}`));
      await firmPage.getByRole("heading", { name: `Meeting with Keikaku Kiki ${suffix}` }).waitFor();
      const now = expectStatus(await firm.get(`/api/meetings/${booked.id}`), 200, "meeting").body as MeetingView;
      expect([now.mode, now.slot!.start, now.sequence]).toEqual(["online", move.to.start, booked.sequence + 1]);
      // Where: no table any more, the video call's link.
      await firmPage.getByRole("link", { name: "Join online" }).waitFor();
      await firmPage.locator(`time[datetime="${move.to.start}"]`).first().waitFor();
    } finally {
      await browser.close();
    }
  });
});
