import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo } from "../support/journeys";

// axe-core over the main pages, as each kind of user sees them: no serious or critical violation.
// (axe is injected through the DevTools protocol; bypassCSP lets it run under the gateway's policy.)
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

async function audit(page: Page, path: string, ready: string): Promise<string[]> {
  await page.goto(`${stack.baseUrl()}${path}`);
  await page.locator(ready).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="status"] .spinner'));
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ resultTypes: ["violations"] })).violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}

describe("accessibility of the main pages (axe-core)", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const context = async (email?: string) => {
    const ctx = await browser.newContext({ locale: "vi-VN", bypassCSP: true });
    ctx.setDefaultTimeout(20_000);
    contexts.push(ctx);
    if (email) await apiAs(ctx.request, email);
    return ctx.newPage();
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  test("public pages", async () => {
    const page = await context();
    const company = (await (await page.request.get(`${stack.baseUrl()}/api/companies?q=kansai`)).json()).data[0].id;
    const found: string[] = [];
    for (const [path, ready] of [
      ["/", "h1"],
      ["/companies", ".company-card"],
      [`/companies/${company}`, "h1"],
      ["/hall", ".booth-tile"],
      ["/signin", "form"],
      ["/signup", "form"],
      ["/events", "article"],
      ["/data", "#data-year-table"],
    ] as const)
      found.push(...(await audit(page, path, ready)));
    expect(found).toEqual([]);
  });

  test("a firm's pages", async () => {
    const page = await context(demo("domestic"));
    const found: string[] = [];
    for (const [path, ready] of [
      ["/inbox", "h2"],
      ["/agenda", ".agenda-item, .state.empty"],
      ["/history", "h1"],
      ["/onboarding", "fieldset"],
      ["/recommendations", "h1"],
      ["/account", "#consents-title"],
    ] as const)
      found.push(...(await audit(page, path, ready)));
    expect(found).toEqual([]);
  });

  test("the organiser's console", async () => {
    const page = await context(demo("organiser"));
    const found: string[] = [];
    for (const [path, ready] of [
      ["/organiser", "h1"],
      ["/organiser/scheduler", "form"],
      ["/organiser/check-in", "form"],
      ["/organiser/dashboard", "figure"],
      ["/organiser/companies", "textarea"],
      ["/organiser/setup", "form"],
      ["/organiser/programme", "form"],
      ["/organiser/interpreters", "form"],
      ["/organiser/events/cnht-hanoi-previous", "form"],
    ] as const)
      found.push(...(await audit(page, path, ready)));
    expect(found).toEqual([]);
  });
});
