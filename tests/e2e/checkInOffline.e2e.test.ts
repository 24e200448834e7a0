import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { MeetingView } from "@ketnoi/contracts";
import { connectDatabase, type Database } from "../../api/src/db/connection";
import { createRepositories, type Repositories } from "../../api/src/repositories";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo } from "../support/journeys";
import { writeY4m } from "../support/fakeCamera";
import { buildCompany, buildUser, FACTORY_PASSWORD } from "../support/factories";

// Two check-in desks lose the hall's network (issue #23, "Must show"): each keeps scanning, its scans
// kept on the device with their times; back online, the api records the meeting once, as of the first
// scan, both desks show what came of theirs, and a scan made before a meeting's window opened is refused
// with its reason. Desk A reads the QR code from the camera (Chromium's fake camera plays the api's QR
// code), desk B types codes.
//
// The real clock runs the app and the demo fair is days ahead, so no meeting booked through the api
// has its window open now: the test books its own firms' meeting through the api, then moves its slot
// in the database to a few minutes from now (its own firms, so no other test's meetings move).
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESK_A = "Phạm Quầy Một";

describe("two check-in desks keep scanning offline", () => {
  let db: Database;
  let repos: Repositories;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let now: { meeting: MeetingView; code: string };
  let later: { meeting: MeetingView; code: string };
  let deskB: string;
  /** The api as an organiser, from a context that stays online. */
  let organiserApi: Awaited<ReturnType<typeof apiAs>>;
  const video = path.join(mkdtempSync(path.join(tmpdir(), "ketnoi-desk-")), "qr.y4m");

  /** A meeting booked through the api by a new Hanoi firm with a new Japanese one, onsite, in their first free slot. */
  async function bookOnsite(prep: Browser) {
    const domestic = await buildCompany(repos);
    const vendor = await buildCompany(repos, { kind: "foreign" });
    const owner = await buildUser(repos, { role: "domestic", companyId: domestic.id, locale: "en" });
    const firm = await apiAs((await prep.newContext()).request, owner.email, FACTORY_PASSWORD);
    for (const slot of (await firm.get(`/meetings/slots?with=${vendor.id}`)).body as { id: string }[]) {
      const res = await firm.post("/meetings", { with: vendor.id, slot: slot.id, mode: "onsite" });
      if (res.status === 201) {
        const code = (await db.models.Meeting.findById(res.body.id).lean())!.checkInCode;
        return { meeting: res.body as MeetingView, code };
      }
    }
    throw new Error("no free slot for an onsite meeting");
  }

  /** A desk: a phone signed in as an organiser, on the desk's page. */
  async function openDesk(email: string, password?: string) {
    const ctx = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Ho_Chi_Minh", ...PHONE });
    ctx.setDefaultTimeout(15_000);
    contexts.push(ctx);
    await apiAs(ctx.request, email, password);
    const page = await ctx.newPage();
    await page.goto(`${stack.baseUrl()}/organiser/check-in`);
    await page.getByRole("heading", { name: "Check-in desk" }).waitFor();
    await page.getByText("Every scan has been sent.").waitFor();
    return { ctx, page };
  }
  /** The scans the desk keeps on the device (IndexedDB), oldest first. */
  const queued = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<{ scannedAt: string; body: { meetingId: string } }[]>((resolve, reject) => {
          const open = indexedDB.open("ketnoi-queue-check-in");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction("scans", "readonly").objectStore("scans").getAll();
            all.onerror = () => reject(all.error);
            all.onsuccess = () => resolve([...all.result].sort((a, b) => a.scannedAt.localeCompare(b.scannedAt)));
          };
        }),
    );
  const typeCode = async (page: Page, m: { meeting: MeetingView; code: string }) => {
    await page.getByLabel(/The QR code's link/).fill(`${m.meeting.id} ${m.code}`);
    await page.getByRole("button", { name: "Record as held" }).click();
  };
  const results = (page: Page) => page.getByRole("region", { name: "Recent check-ins" });

  beforeAll(async () => {
    db = await connectDatabase(stack.e2eMongodbUri(), { autoIndex: false, revisionsRedisUrl: stack.redisUrl() }); // the app's revisions are in Redis
    repos = createRepositories(db.models);
    const prep = await launchBrowser();
    try {
      now = await bookOnsite(prep);
      later = await bookOnsite(prep);
      // The first meeting starts in five minutes: its window opened ten minutes ago. The second stays
      // days ahead, its window still to open.
      const starts = new Date(Date.now() + 5 * 60_000);
      await db.models.Meeting.updateOne({ _id: now.meeting.id }, { $set: { startsAt: starts, endsAt: new Date(starts.getTime() + 30 * 60_000) } });
      // Written past the repository: the parties' agendas are told, as the repository's writes tell them.
      const { parties } = (await db.models.Meeting.findById(now.meeting.id, { parties: 1 }).lean())!;
      await repos.revisions.bumpAgendas(parties.map(String));
      // The fake camera's video: the first meeting's QR code as the api draws it (for an organiser).
      const prepCtx = await prep.newContext();
      await apiAs(prepCtx.request, demo("organiser"));
      const prepPage = await prepCtx.newPage();
      await prepPage.goto(`${stack.baseUrl()}/api/health`);
      await writeY4m(prepPage, `/api/meetings/${now.meeting.id}/check-in-code`, video);
    } finally {
      await prep.close();
    }
    deskB = (await repos.users.findByEmail(demo("organiser")))!.name;
    browser = await launchBrowser([`--use-file-for-fake-video-capture=${video}`]);
    const apiCtx = await browser.newContext();
    contexts.push(apiCtx);
    organiserApi = await apiAs(apiCtx.request, demo("organiser"));
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await db?.close();
  });

  test("scans made offline at two desks are recorded once, as of the first; a scan before the window opened is refused", async () => {
    // A second organiser for desk A (the api invites firms, not organisers).
    const organiser = await buildUser(repos, { role: "organiser", name: DESK_A, locale: "en" });
    await repos.users.markEmailVerified(organiser.id, new Date());
    const a = await openDesk(organiser.email, FACTORY_PASSWORD);
    const b = await openDesk(demo("organiser"));

    await Promise.all([a.ctx.setOffline(true), b.ctx.setOffline(true)]);
    for (const desk of [a, b]) await desk.page.getByText("Offline: scans are kept on this device and sent when the network is back.").waitFor();

    // Desk A reads the meeting's QR code from the camera, then desk B types it, and the code of a meeting days ahead.
    await a.page.getByRole("button", { name: "Start the camera" }).click();
    await a.page.getByTestId("pending-count").getByText("1 scan waiting to be sent").waitFor();
    await a.page.getByRole("button", { name: "Stop the camera" }).click();
    await typeCode(b.page, now);
    await b.page.getByTestId("pending-count").getByText("1 scan waiting to be sent").waitFor();
    await typeCode(b.page, later);
    await b.page.getByTestId("pending-count").getByText("2 scans waiting to be sent").waitFor();
    const [first] = await queued(a.page);
    const [second, early] = await queued(b.page);
    expect([first!.body.meetingId, second!.body.meetingId, early!.body.meetingId]).toEqual([now.meeting.id, now.meeting.id, later.meeting.id]);
    expect(first!.scannedAt < second!.scannedAt).toBe(true);
    // Each waiting scan is listed with its time.
    // As the desk writes times (in its language, Intl's in the browser).
    const shownAt = await a.page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(document.documentElement.lang, { hour: "numeric", minute: "2-digit", second: "2-digit" }).format(new Date(iso)),
      first!.scannedAt,
    );
    await a.page.getByText(`Scanned at ${shownAt}`).waitFor();
    await screenshot(b.page, "check-in-desk-offline-phone");

    // Still offline a while later: nothing has reached the api.
    await b.page.waitForTimeout(1500);
    expect(((await organiserApi.get(`/meetings/${now.meeting.id}`)).body as MeetingView).status).toBe("booked");
    const backOnline = new Date().toISOString();
    await Promise.all([a.ctx.setOffline(false), b.ctx.setOffline(false)]);
    for (const desk of [a, b]) await desk.page.getByTestId("pending-count").getByText("Every scan has been sent.").waitFor();

    // One check-in, held as of the first scan (desk A's), not when the desks came back online.
    const held = (await organiserApi.get(`/meetings/${now.meeting.id}`)).body as MeetingView;
    expect(held).toMatchObject({ status: "held", checkedInAt: first!.scannedAt });
    expect(held.checkedInAt! < backOnline).toBe(true);
    const checkIns = (await repos.meetings.history(now.meeting.id)).filter((e) => e.kind === "checked_in");
    expect(checkIns).toHaveLength(1);

    // Both desks say what came of their scan: the desk whose scan arrived first recorded it, the other
    // was told by whom (which desk's network came back first is the race the api settles).
    const names = `${held.requester.name} and ${held.recipient.name}, table ${held.table}`;
    const recordedAt = async (page: Page) => results(page).getByText(`Recorded: ${names}`).count();
    for (let i = 0; i < 100 && (await recordedAt(a.page)) + (await recordedAt(b.page)) === 0; i++) await a.page.waitForTimeout(100);
    expect([await recordedAt(a.page), await recordedAt(b.page)].sort()).toEqual([0, 1]);
    const winner = (await recordedAt(a.page)) ? { other: b, by: DESK_A } : { other: a, by: deskB };
    await results(winner.other.page).getByText(`Already recorded as of ${shownAt} by ${winner.by}: ${names}.`).waitFor();

    // The scan made before the later meeting's window opened is refused, with when it opens.
    const opens = DateTime.fromISO(later.meeting.slot!.start).minus({ minutes: 15 }).setZone("Asia/Ho_Chi_Minh").setLocale("en");
    const when = opens.toLocaleString({ month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
    const refusal = results(b.page).getByTestId("refused-scan");
    await refusal.getByText(`Check-in opens at ${when}, 15 minutes before the meeting.`).waitFor();
    expect(((await organiserApi.get(`/meetings/${later.meeting.id}`)).body as MeetingView).status).toBe("booked");
    await screenshot(a.page, "check-in-desk-a-synced-phone");
    await screenshot(b.page, "check-in-desk-b-synced-phone");
    // A refused scan stays listed until the desk dismisses it.
    await refusal.getByRole("button", { name: "Dismiss" }).click();
    await refusal.waitFor({ state: "detached" });
  });
});
