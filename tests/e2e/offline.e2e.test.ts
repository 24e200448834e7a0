import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { request, type BrowserContext, type Locator, type Page } from "playwright-core";
import type { MeetingView } from "@ketnoi/contracts";
import { launchProfile, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, signInThroughUi } from "../support/journeys";

// At the venue the Wi-Fi fails: the demo firm reads its agenda and a meeting online once, then, with
// no network, the installed app starts from its service worker, shows the agenda and the meeting's QR
// code (drawn on the device: it decodes to the meeting's real check-in link) and says since when.
// Signing out offline leaves nothing private on the device, and the server hears of it when the
// network is back. The Lighthouse-style figures (installability, manifest, offline start) are written
// to <artifacts>/pwa-check.json. A new deployment is announced and taken on reload.
const EN = { email: "Email", password: "Password", submit: "Sign in" };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const QUEUE_DB = "ketnoi-queue-check-in"; // client/src/lib/offline/scanQueue.ts QUEUE_DATABASES

/** Every IndexedDB database of the origin with every value of every store, as JSON text. */
const deviceDatabases = (page: Page) =>
  page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const out: { name: string; values: string[] }[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      const values: string[] = [];
      for (const store of Array.from(db.objectStoreNames))
        for (const v of await request(db.transaction(store).objectStore(store).getAll())) values.push(typeof v === "string" ? v : JSON.stringify(v));
      db.close();
      out.push({ name, values });
    }
    return out;
  });

/** Cache Storage: each cache with the URLs of the requests it holds. */
const deviceCaches = (page: Page) =>
  page.evaluate(async () =>
    Promise.all((await caches.keys()).map(async (name) => ({ name, urls: (await (await caches.open(name)).keys()).map((r) => r.url) }))),
  );

/** A QR code read from a screenshot of the element, as a phone's camera would read the screen. */
async function readQr(page: Page, element: Locator): Promise<string | null> {
  const png = (await element.screenshot()).toString("base64");
  const { width, height, data } = await page.evaluate(async (b64) => {
    // Decoded in the page (no fetch of a data: URL: the CSP's connect-src allows none).
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(bitmap, 0, 0);
    return { width: bitmap.width, height: bitmap.height, data: Array.from(ctx.getImageData(0, 0, bitmap.width, bitmap.height).data) };
  }, png);
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}

describe("the installable app at the venue, offline", () => {
  const profile = mkdtempSync(path.join(tmpdir(), "ketnoi-phone-"));
  let context: BrowserContext;
  let page: Page;
  let meeting: MeetingView;
  let checkInUrl: string;
  let sessionCookie: string;
  const figures: Record<string, unknown> = {};
  const errors: string[] = [];

  beforeAll(async () => {
    // A profile on disk, as on a phone: an incognito context can never install an app.
    context = await launchProfile(profile, { locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh", ...PHONE });
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => errors.push(e.message));
    // The app runs under the gateway's Content-Security-Policy (service worker, manifest, QR data URLs) without tripping it.
    page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test("online once: the agenda (the next table's QR code first on a phone) and a meeting are read and kept on the device", async () => {
    await signInThroughUi(page, demo("domestic"), EN);
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    const api = await apiAs(context.request);
    const booked = (await api.get("/meetings?status=booked")).body as MeetingView[];
    const upcoming = booked
      .filter((m) => m.mode === "onsite" && m.slot && Date.parse(m.slot.end) > Date.now())
      .sort((a, b) => a.slot!.start.localeCompare(b.slot!.start));
    expect(upcoming.length).toBeGreaterThan(0);
    meeting = upcoming[0]!;
    checkInUrl = ((await api.get(`/meetings/${meeting.id}/check-in-link`)).body as { url: string }).url;
    expect(checkInUrl).toMatch(new RegExp(`/check-in/${meeting.id}\\?code=[\\w-]{16,}$`));
    sessionCookie = (await context.cookies()).find((c) => c.name === "ketnoi_session")!.value;

    await page.goto(`${stack.baseUrl()}/agenda`);
    const next = page.getByRole("region", { name: "Your next meeting at a table" });
    const nextQr = next.getByRole("img", { name: `Check-in QR code for table ${meeting.table}` });
    await nextQr.waitFor();
    expect(await readQr(page, nextQr)).toBe(checkInUrl);
    // Phone-first: the code is in the first screen, above the list of meetings.
    const firstItem = page.locator(".agenda-item").first();
    await firstItem.waitFor();
    expect((await nextQr.boundingBox())!.y).toBeLessThan((await firstItem.boundingBox())!.y);
    expect((await nextQr.boundingBox())!.y).toBeLessThan(844);

    await page.goto(`${stack.baseUrl()}/meetings/${meeting.id}`);
    await page.getByRole("region", { name: "Check-in QR code" }).getByRole("img").waitFor();
    await page.goto(`${stack.baseUrl()}/agenda`);
    await page.locator(".agenda-item").first().waitFor();
    // The service worker has precached the app shell (ready: installed and active) and now controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.locator(".agenda-item").first().waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${stack.baseUrl()}/sw.js`);
    // The persisted cache (written a second after the last change) holds the meeting and its QR address.
    const persisted = async () => (await deviceDatabases(page)).find((d) => d.name === "ketnoi-cache")?.values.join("") ?? "";
    for (let i = 0; i < 50 && !(await persisted()).includes(checkInUrl); i++) await page.waitForTimeout(200);
    expect(await persisted()).toContain(checkInUrl);
    expect(errors).toEqual([]);
  });

  test("Lighthouse-style checks: installable, the manifest without errors, the shell precached", async () => {
    const cdp = await context.newCDPSession(page);
    const installability = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
    const manifest = (await cdp.send("Page.getAppManifest")) as { url: string; errors: { message: string }[] };
    await cdp.detach();
    expect(installability.installabilityErrors).toEqual([]);
    expect(manifest.url).toBe(`${stack.baseUrl()}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const served = await context.request.get(`${stack.baseUrl()}/sw.js`);
    expect(served.headers()["cache-control"]).toBe("no-cache");
    const manifestRes = await context.request.get(`${stack.baseUrl()}/manifest.webmanifest`);
    expect([manifestRes.headers()["cache-control"], manifestRes.headers()["content-type"]]).toEqual(["no-cache", "application/manifest+json"]);
    expect(manifestRes.headers()["content-security-policy"]).toMatch(/worker-src 'self'.*manifest-src 'self'/);
    const shell = await deviceCaches(page);
    const precache = shell.find((c) => c.name.startsWith("workbox-precache"))!;
    // Workbox keys an unhashed file by its revision (`index.html?__WB_REVISION__=…`).
    expect(precache.urls.map((u) => u.replace(/\?__WB_REVISION__=\w+$/, ""))).toContain(`${stack.baseUrl()}/index.html`);
    Object.assign(figures, {
      installabilityErrors: installability.installabilityErrors.map((e) => e.errorId),
      manifestErrors: manifest.errors.map((e) => e.message),
      precacheEntries: precache.urls.length,
    });
  });

  test("offline, a reload starts the app: the agenda, the meeting's real QR code and since when it was read", async () => {
    await context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    const started = Date.now();
    await page.reload();
    await page.locator(".agenda-item").first().waitFor();
    figures.offlineStartMs = Date.now() - started;
    const mark = page.getByRole("status").filter({ hasText: /^Offline: last updated at / });
    await mark.waitFor();
    // Since when: the time the agenda was read, in the viewer's zone (Hanoi), as "Dec 6, 2026, 7:15 PM".
    expect(await mark.innerText()).toMatch(/^Offline: last updated at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/);
    const nextQr = page.getByRole("region", { name: "Your next meeting at a table" }).getByRole("img");
    await nextQr.waitFor();
    expect(await readQr(page, nextQr)).toBe(checkInUrl);
    await screenshot(page, "offline-agenda-phone");

    // The meeting's page, opened with no network: its facts and the code that checks it in at the table.
    await page.goto(`${stack.baseUrl()}/meetings/${meeting.id}`);
    const qr = page.getByRole("region", { name: "Check-in QR code" }).getByRole("img", { name: `Check-in QR code for table ${meeting.table}` });
    await qr.waitFor();
    expect(await readQr(page, qr)).toBe(checkInUrl);
    await page.locator(".facts-list").getByText(`Table ${meeting.table}`).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /^Offline: last updated at / })
      .waitFor();
    await screenshot(page, "offline-meeting-phone");
    expect(errors).toEqual([]);
  });

  test("signing out offline (scans not sent are asked about first) leaves nothing private on the device", async () => {
    // A scan queued on this device and not yet sent (as the check-in desk queues them).
    await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.result.createObjectStore("scans");
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction("scans", "readwrite");
      tx.objectStore("scans").put({ key: "s1", body: { meeting: "private-scan" }, scannedAt: new Date().toISOString(), state: "pending" }, "s1");
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, QUEUE_DB);
    const privateMarks = [meeting.id, new URL(checkInUrl).searchParams.get("code")!, demo("domestic"), "private-scan"];
    // What the checks below look for is there before: they can fail.
    const before = (await deviceDatabases(page)).flatMap((d) => d.values).join("\n");
    for (const mark of privateMarks) expect(before).toContain(mark);

    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    const ask = page.getByRole("dialog", { name: "Scans not sent yet" });
    await ask.getByText("1 scan made on this device has not reached the server yet. Signing out deletes it.").waitFor();
    await ask.getByRole("button", { name: "Sign out and delete them" }).click();
    await page.waitForURL(`${stack.baseUrl()}/`);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();

    const after = await deviceDatabases(page);
    for (const { name, values } of after)
      for (const mark of privateMarks) expect({ name, mark, holds: values.join("\n").includes(mark) }).toEqual({ name, mark, holds: false });
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => /session|user|meeting/i.test(k) && k !== "ketnoi.signOutPending")),
    ).toEqual([]);
    // Cache Storage: only the precached app shell, the same for everyone (no api answer).
    for (const { name, urls } of await deviceCaches(page)) {
      expect(name).toMatch(/^workbox-precache/);
      expect(urls.filter((u) => new URL(u).pathname.startsWith("/api/"))).toEqual([]);
    }

    // A reload, still offline: the signed-out page, and a page that needs a role sends to sign in.
    await page.reload();
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    await page.goto(`${stack.baseUrl()}/agenda`);
    await page.waitForURL(/\/signin\?next=%2Fagenda$/);
    await page.getByRole("heading", { name: "Sign in to Ketnoi" }).waitFor();
    expect(await page.locator(".agenda-item").count()).toBe(0);
    await screenshot(page, "offline-signed-out-phone");
    expect(errors).toEqual([]);
  });

  test("back online, the sign-out reaches the server: the old session cookie is refused", async () => {
    // Another client holding the old cookie.
    const asCookie = async () => {
      const other = await request.newContext({ extraHTTPHeaders: { Cookie: `ketnoi_session=${sessionCookie}` } });
      const user = ((await (await other.get(`${stack.baseUrl()}/api/auth/session`)).json()) as { user: unknown }).user;
      await other.dispose();
      return user;
    };
    // Still valid while the device could not tell the server.
    expect(await asCookie()).not.toBeNull();
    await context.setOffline(false);
    await page.waitForFunction(() => localStorage.getItem("ketnoi.signOutPending") === null, undefined, { timeout: 20_000 });
    expect(await asCookie()).toBeNull();
    await page.getByRole("heading", { name: "Sign in to Ketnoi" }).waitFor();

    const dir = path.resolve(stack.artifactsDir());
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "pwa-check.json"), `${JSON.stringify({ at: new Date().toISOString(), ...figures })}\n`);
    expect(figures.installabilityErrors).toEqual([]);
    expect(figures.offlineStartMs).toBeLessThan(10_000);
  });

  test("a new version deployed: the app says so, and takes it only when the person reloads", async () => {
    // A deployment, as the gateway sees one: a new service worker file in the client's build (the
    // browser fetches it itself, past any route). The same files, another build: one byte differs.
    const swFile = path.resolve(__dirname, "../../client/dist/sw.js");
    const deployed = readFileSync(swFile, "utf8");
    writeFileSync(swFile, `${deployed}\n// the next deployment\n`);
    try {
      // The app asks every 30 minutes, and the browser each time the app is opened; here, at once.
      await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())!.update()));
      const prompt = page.getByRole("status").filter({ hasText: "A new version is available." });
      await prompt.waitFor();
      // Nothing changes under the person's hands: the version they run stays until they reload.
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting))).toBe(true);
      await screenshot(page, "update-prompt-phone");
      await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Reload" }).click()]);
      await page.getByRole("heading", { name: "Sign in to Ketnoi" }).waitFor();
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting))).toBe(false);
      expect(await prompt.count()).toBe(0);
    } finally {
      writeFileSync(swFile, deployed);
    }
    expect(errors).toEqual([]);
  });
});
