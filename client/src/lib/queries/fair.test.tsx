/** @jest-environment jsdom */
import "../testing/jsdom";
import type { ReactNode } from "react";
import { act, renderHook, waitFor } from "@testing-library/react";
import { QueryClientProvider } from "@tanstack/react-query";
import { answerFetch, startI18n, testQueryClient } from "../testing/render";
import { ApiError } from "../api";
import { useFairSetup, useFairSummary, useFairTimeZone } from "./fair";

const fair = { slug: "cnht-test", timeZone: "Asia/Tokyo", name: { en: "Fair" }, days: ["2031-10-09"] };
const wrapperFor = (client = testQueryClient()) => ({
  client,
  wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>,
});

beforeEach(() => startI18n("ja"));

// queries.test.tsx covers the cache itself (one read for many readers, empty and error states,
// invalidation after a write); these cover what the fair's hooks add to it.
describe("the fair's data hooks", () => {
  test("the summary is asked in the reader's language, once for the summary and its time zone", async () => {
    const api = answerFetch({ status: 200, body: fair });
    const { wrapper } = wrapperFor();
    const { result } = renderHook(() => ({ summary: useFairSummary(), zone: useFairTimeZone(), again: useFairSummary() }), { wrapper });
    await waitFor(() => expect(result.current.summary.isSuccess).toBe(true));
    expect(result.current.summary.data).toEqual(fair);
    expect(result.current.again.data).toEqual(fair);
    expect(result.current.zone).toBe("Asia/Tokyo");
    expect(api.sent.map((s) => s.url)).toEqual(["/api/fairs/current"]);
    expect(api.sent[0]!.headers["Accept-Language"]).toBe("ja");
  });

  test("a refusal is the query's error, with the api's status and message", async () => {
    answerFetch({ status: 404, body: { error: { code: "not_found", message: "No fair." } } });
    const { wrapper } = wrapperFor();
    const { result } = renderHook(() => useFairSummary(), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect((result.current.error as ApiError).status).toBe(404);
    expect(result.current.error?.message).toBe("No fair.");
  });

  test("the set-up waits for the fair's slug, then reads that fair's", async () => {
    const api = answerFetch({ status: 200, body: { slug: "cnht-test", slotMinutes: 30 } });
    const { wrapper } = wrapperFor();
    const { result, rerender } = renderHook(({ slug }: { slug?: string }) => useFairSetup<{ slotMinutes: number }>(slug), {
      wrapper,
      initialProps: {},
    });
    await act(async () => {});
    expect(result.current.fetchStatus).toBe("idle");
    expect(api.sent).toHaveLength(0);
    rerender({ slug: "cnht-test" });
    await waitFor(() => expect(result.current.data?.slotMinutes).toBe(30));
    expect(api.sent.map((s) => s.url)).toEqual(["/api/fairs/cnht-test/setup"]);
  });
});
