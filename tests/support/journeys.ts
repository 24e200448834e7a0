import { randomInt } from "node:crypto";
import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { isValidTaxCode } from "@ketnoi/contracts";
import { stack } from "./stack";

export const DEMO_PASSWORD = "ketnoi-demo-2026";
export const demo = (role: "organiser" | "domestic" | "vendor" | "interpreter") => `${role}@ketnoi.demo`;

/** A Vietnamese tax code with a valid check digit, different each call. */
export function freshTaxCode(): string {
  for (;;) {
    const code = `0${String(randomInt(10_000_000, 99_999_999))}${randomInt(0, 10)}`;
    if (isValidTaxCode(code)) return code;
  }
}

/**
 * The api as a signed-in user, through the gateway: cookies live in the given request context (a
 * browser context's `request` shares them with its pages), writes carry the CSRF token and Origin.
 */
export async function apiAs(request: APIRequestContext, email?: string, password = DEMO_PASSWORD) {
  const base = stack.baseUrl();
  const headers = { Origin: base, "Accept-Language": "en" };
  let csrf: string;
  if (email) {
    const res = await request.post(`${base}/api/auth/login`, { data: { email, password }, headers });
    if (!res.ok()) throw new Error(`login ${email}: ${res.status()} ${await res.text()}`);
    csrf = (await res.json()).csrfToken;
  } else {
    csrf = (await (await request.get(`${base}/api/auth/session`, { headers })).json()).csrfToken;
  }
  const call = async (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, data?: unknown) => {
    const res = await request.fetch(`${base}/api${path}`, { method, data, headers: { ...headers, "X-CSRF-Token": csrf } });
    const text = await res.text();
    return { status: res.status(), body: text ? JSON.parse(text) : null };
  };
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, data: unknown = {}) => call("POST", path, data),
    put: (path: string, data: unknown) => call("PUT", path, data),
    patch: (path: string, data: unknown) => call("PATCH", path, data),
  };
}

/** Signs in through the sign-in page (labels in the page's language). */
export async function signInThroughUi(
  page: Page,
  email: string,
  labels: { email: string; password: string; submit: string },
  password = DEMO_PASSWORD,
) {
  await page.goto(`${stack.baseUrl()}/signin`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
}

/** A context that records page errors and failed requests, to assert nothing broke. */
export async function watchedContext(context: BrowserContext) {
  const problems: string[] = [];
  context.on("page", (p) => {
    p.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  });
  return problems;
}
