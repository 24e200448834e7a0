import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { stack } from "./stack";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-features=Translate,OptimizationHints,MediaRouter",
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  "--allow-loopback-in-peer-connection",
];

/**
 * Debian's Chromium, headless, with nothing that phones home, fake media devices and loopback
 * WebRTC allowed (the video issue relies on the last two).
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: stack.chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * The same Chromium with a profile on disk, as a person's phone has: an app can be installed only
 * there (every context of `launchBrowser` is incognito, which Chromium never lets install one).
 */
export function launchProfile(userDataDir: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: stack.chromiumPath(), headless: true, args: CHROMIUM_ARGS, ...options });
}

/** Saves a full-page screenshot as a test artifact (tests/artifacts/<name>.png). */
export async function screenshot(page: Page, name: string) {
  const dir = path.resolve(stack.artifactsDir());
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
