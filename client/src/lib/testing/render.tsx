// Rendering a page's part as the app does, for tests in jsdom: the real catalogues, a fresh query
// cache, a router, and the api answered at the network boundary (global.fetch).
import "./jsdom";
import type { ReactNode } from "react";
import { render } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter } from "react-router";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../../i18n/locales/en.json";
import vi from "../../i18n/locales/vi.json";
import ja from "../../i18n/locales/ja.json";

/** i18next as the app starts it, in `lng` (en, vi or ja loaded). */
export async function startI18n(lng: "en" | "vi" | "ja") {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng,
      fallbackLng: "vi",
      resources: { en: { translation: en }, vi: { translation: vi }, ja: { translation: ja } },
      keySeparator: false,
      interpolation: { escapeValue: false },
    });
  }
  await i18next.changeLanguage(lng);
}

/** One request the page sent: method, path and parsed JSON body. */
export type Sent = { method: string; url: string; body: unknown; headers: Record<string, string> };
export type Answer = { status: number; body?: unknown };

/** Answers requests in order; records what was sent. A request with no answer left fails the test. */
export function answerFetch(...answers: Answer[]) {
  const sent: Sent[] = [];
  const queue = [...answers];
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({
      method: init?.method ?? "GET",
      url: String(url),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    const next = queue.shift();
    if (!next) throw new Error(`no answer left for ${init?.method ?? "GET"} ${String(url)}`);
    return { ok: next.status < 400, status: next.status, json: async () => next.body ?? null } as Response;
  }) as typeof fetch;
  return { sent, answer: (a: Answer) => queue.push(a) };
}

/** A query cache with no retries, so a test sees a failure at once. */
export const testQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

export function renderWithApp(ui: ReactNode, client = testQueryClient()) {
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}
