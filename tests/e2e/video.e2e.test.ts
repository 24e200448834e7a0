import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";

const PASSWORD = "ketnoi-demo-2026";
type Who = "organiser" | "domestic" | "vendor" | "interpreter";

/** A browser context signed in as a demo login (the session cookie), in English (on a phone when `phone`). */
async function signedIn(browser: Browser, who: Who, phone = false) {
  const context = await browser.newContext({
    locale: "en-US",
    baseURL: stack.baseUrl(),
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  const origin = { Origin: stack.baseUrl() };
  const login = await context.request.post("/api/auth/login", { data: { email: `${who}@ketnoi.demo`, password: PASSWORD }, headers: origin });
  if (!login.ok()) throw new Error(`login as ${who}: ${login.status()}`);
  const session = (await login.json()) as { csrfToken: string; user: { id: string; companyId?: string; name: string } };
  const headers = { ...origin, "X-CSRF-Token": session.csrfToken };
  const api = {
    get: async (path: string) => (await context.request.get(`/api${path}`)).json(),
    post: (path: string, data: object = {}) => context.request.post(`/api${path}`, { data, headers }),
  };
  return { context, user: session.user, api };
}
type Signed = Awaited<ReturnType<typeof signedIn>>;

/** Waits until this page plays a remote video track with frames (from `identity` when given). */
async function receivesVideo(page: Page, identity?: string) {
  const selector = identity ? `[data-identity="${identity}"] video[data-testid=remote-video]` : "video[data-testid=remote-video]";
  await page.waitForSelector(selector, { timeout: 30_000 });
  await page.waitForFunction(
    (sel) => {
      const v = document.querySelector<HTMLVideoElement>(sel);
      return Boolean(v && v.videoWidth > 0 && v.readyState >= 2);
    },
    selector,
    { timeout: 30_000 },
  );
}

/** How light a colour is, 0 (black) to 1 (white), from a computed "rgb(r, g, b)". */
function lightness(rgb: string) {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ["0", "0", "0"]).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

/** Frees the demo pair for a new meeting (one live meeting per pair), then books an online one. */
async function bookOnlineMeeting(domestic: Signed, vendor: Signed, organiser: Signed) {
  const vendorCompany = vendor.user.companyId!;
  const mine = (await domestic.api.get("/meetings")) as {
    id: string;
    status: string;
    requester: { companyId: string };
    recipient: { companyId: string };
  }[];
  for (const m of mine.filter(
    (m) => [m.requester.companyId, m.recipient.companyId].includes(vendorCompany) && ["requested", "countered", "booked"].includes(m.status),
  )) {
    if (m.status === "booked") await organiser.api.post(`/meetings/${m.id}/cancel`);
    else for (const s of [vendor, domestic]) await s.api.post(`/meetings/${m.id}/decline`, { reason: "other" });
  }
  const slots = (await domestic.api.get(`/meetings/slots?with=${vendorCompany}`)) as { id: string }[];
  for (const slot of slots) {
    const res = await domestic.api.post("/meetings", { with: vendorCompany, slot: slot.id, mode: "online" });
    if (res.status() === 201) return (await res.json()) as { id: string; status: string; requester: { name: string }; recipient: { name: string } };
  }
  throw new Error("no slot to book an online meeting");
}

describe("video rooms in a real browser with the real LiveKit server", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    while (contexts.length) await contexts.pop()!.close();
  });
  afterAll(() => browser?.close());
  const as = async (who: Who, phone = false) => {
    const s = await signedIn(browser, who, phone);
    contexts.push(s.context);
    return s;
  };

  test("two parties try their meeting room days ahead: each receives the other's video, the page says it is a test call, and the meeting stays booked; a third user is refused", async () => {
    // The Hanoi firm joins from a phone, the vendor from a computer.
    const [domestic, vendor, organiser, interpreter] = [
      await as("domestic", true),
      await as("vendor"),
      await as("organiser"),
      await as("interpreter"),
    ];
    const meeting = await bookOnlineMeeting(domestic, vendor, organiser);
    expect(meeting.status).toBe("booked");
    // The interpreter is not assigned to it: no token (as if the meeting did not exist).
    expect((await interpreter.api.post(`/meetings/${meeting.id}/video-token`)).status()).toBe(404);

    const pages = await Promise.all([domestic, vendor].map((s) => s.context.newPage()));
    const errors: string[] = [];
    for (const p of pages) p.on("pageerror", (e) => errors.push(e.message));
    for (const p of pages) {
      await p.goto(`/meetings/${meeting.id}/room`);
      await p.waitForFunction(() => (document.querySelector<HTMLVideoElement>("[data-testid=preview-video]")?.videoWidth ?? 0) > 0, null, {
        timeout: 20_000,
      });
      await p.getByRole("button", { name: "Join", exact: true }).click();
    }
    await receivesVideo(pages[0]!, vendor.user.id);
    await receivesVideo(pages[1]!, domestic.user.id);
    // The meeting is days away (the demo fair is always ahead): the page says so...
    for (const p of pages)
      await p
        .getByTestId("test-call")
        .getByText(/Test call: the meeting is at the time above/)
        .waitFor();
    // ...LiveKit's signed webhooks reached the api and the realtime service told the room: a test call...
    await pages[0]!.getByTestId("meeting-state").getByText("Test call (nothing is recorded yet)").waitFor({ timeout: 15_000 });
    // ...which recorded both joins and left the meeting booked, so it can still be moved or cancelled.
    const attendance = (await organiser.api.get(`/meetings/${meeting.id}/attendance`)) as { participants: { userId: string }[] };
    expect(attendance.participants.map((p) => p.userId).sort()).toEqual([domestic.user.id, vendor.user.id].sort());
    expect(((await vendor.api.get(`/meetings/${meeting.id}`)) as { status: string }).status).toBe("booked");
    await screenshot(pages[0]!, "meeting-room");

    // Each page names whom it meets at the top, with the slot (names as the api gives them in English).
    const shown = (await (
      await domestic.context.request.get(`/api/meetings/${meeting.id}`, { headers: { "Accept-Language": "en" } })
    ).json()) as typeof meeting;
    await pages[0]!.getByRole("heading", { level: 1, name: `Online meeting with ${shown.recipient.name}` }).waitFor();
    await pages[1]!.getByRole("heading", { level: 1, name: `Online meeting with ${shown.requester.name}` }).waitFor();
    await pages[0]!.getByTestId("meeting-when").locator("time").waitFor();
    // A phone is not offered a screen share it cannot do; the computer is.
    await pages[1]!.getByRole("button", { name: "Share screen" }).waitFor();
    expect(await pages[0]!.getByRole("button", { name: "Share screen" }).count()).toBe(0);
    // Leaving stands apart from the device toggles (it looked like every other button).
    const look = (name: string) =>
      pages[1]!
        .getByRole("toolbar")
        .getByRole("button", { name, exact: true })
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(Math.abs(lightness(await look("Leave")) - lightness(await look("Stop camera")))).toBeGreaterThan(0.4);

    // Camera off and on again (the other side sees who it is, not a black tile), then a clean leave.
    await pages[1]!.getByRole("button", { name: "Stop camera" }).click();
    const vendorTile = pages[0]!.locator(`[data-identity="${vendor.user.id}"]`);
    await vendorTile.getByTestId("camera-off").getByText("Camera off").waitFor();
    await vendorTile.getByTestId("camera-off").getByText(vendor.user.name, { exact: true }).waitFor();
    await pages[1]!.locator('[data-local="true"]').getByTestId("camera-off").waitFor();
    await screenshot(pages[0]!, "meeting-room-camera-off");
    await pages[1]!.getByRole("button", { name: "Start camera" }).click();
    await receivesVideo(pages[0]!, vendor.user.id);
    await pages[1]!.getByRole("button", { name: "Leave" }).click();
    await pages[1]!.getByTestId("left").waitFor();
    await pages[0]!.waitForSelector(`[data-identity="${vendor.user.id}"]`, { state: "detached", timeout: 20_000 });
    expect(errors).toEqual([]);
  });

  test("a booth visitor watches, queues, is admitted by the staff and publishes", async () => {
    const [staff, visitor] = [await as("domestic"), await as("vendor")];
    const booth = `/booths/${staff.user.companyId}`;
    await visitor.api.post(`${booth}/queue`); // a place from an earlier run is taken back below
    await visitor.context.request.delete(`/api${booth}/queue`, {
      headers: { Origin: stack.baseUrl(), "X-CSRF-Token": ((await visitor.api.get("/auth/session")) as { csrfToken: string }).csrfToken },
    });

    const staffPage = await staff.context.newPage();
    if (process.env.E2E_DEBUG) staffPage.on("console", (m) => console.log("staff:", m.text()));
    await staffPage.goto(booth);
    await staffPage.getByTestId("queue-list").waitFor({ state: "attached" });
    await staffPage.waitForFunction(() => (document.querySelector<HTMLVideoElement>("[data-testid=preview-video]")?.videoWidth ?? 0) > 0, null, {
      timeout: 20_000,
    });
    await staffPage.getByRole("button", { name: "Join", exact: true }).click();
    await staffPage.getByTestId("local-video").waitFor();

    // The staff put a catalogue in the booth; the visitor finds it there to download.
    const staffCsrf = ((await staff.api.get("/auth/session")) as { csrfToken: string }).csrfToken;
    const catalogue = `catalogue-${Date.now()}.pdf`;
    // (A firm's card and files are public once it is listed: its owner consents to sharing its profile.)
    const listed = await staff.context.request.patch("/api/me/consents", {
      headers: { Origin: stack.baseUrl(), "X-CSRF-Token": staffCsrf },
      data: { profileSharing: true },
    });
    expect(listed.status()).toBe(204);
    const upload = await staff.context.request.post(`/api/companies/${staff.user.companyId}/attachments?kind=catalogue&name=${catalogue}`, {
      headers: { Origin: stack.baseUrl(), "X-CSRF-Token": staffCsrf, "Content-Type": "application/octet-stream" },
      data: Buffer.from("%PDF-1.7\n%%EOF\n"),
    });
    expect(upload.status()).toBe(201);

    const visitorPage = await visitor.context.newPage();
    await visitorPage.goto(booth);
    await visitorPage.getByTestId("catalogues").getByRole("link", { name: catalogue }).waitFor();
    await visitorPage.getByRole("button", { name: "Join", exact: true }).click();
    await receivesVideo(visitorPage, staff.user.id); // watching: subscribe only
    expect(await visitorPage.getByTestId("local-video").count()).toBe(0);
    await staffPage.getByTestId("presence").getByText("1 staff and 1 visitors here now").waitFor();

    await visitorPage.getByRole("button", { name: "Ask to talk to the booth" }).click();
    await visitorPage.getByTestId("position").getByText("You are number 1 in the queue").waitFor();
    await staffPage.getByTestId("queue-list").getByText(visitor.user.name).waitFor();
    await staffPage.getByRole("button", { name: "Admit the next visitor" }).click();
    await visitorPage.getByTestId("admitted").waitFor();
    await visitorPage.getByRole("button", { name: "Talk with camera" }).click();
    await visitorPage.getByTestId("local-video").waitFor({ timeout: 20_000 });
    await receivesVideo(staffPage, visitor.user.id);

    // Chat reaches the other side live.
    await visitorPage.getByLabel("Message").fill("Xin chào, chúng tôi quan tâm đến khuôn dập.");
    await visitorPage.getByRole("button", { name: "Send" }).click();
    await staffPage.getByTestId("chat").getByText("Xin chào, chúng tôi quan tâm đến khuôn dập.").waitFor();
    await screenshot(staffPage, "booth-staff");
  });
});
