/** @jest-environment jsdom */
import "../lib/testing/jsdom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { FirmHistory } from "@ketnoi/contracts";
import { answerFetch, renderWithApp, startI18n } from "../lib/testing/render";
import { HistoryFor } from "./History";

// A reader in Berlin looking at a fair in Tokyo (the browser's zone is what Intl resolves): both times show.
const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
jest.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockImplementation(function (this: Intl.DateTimeFormat) {
  return { ...resolved.call(this), timeZone: "Europe/Berlin" };
});

const counts = (held: number, quotation = 0) => ({
  meetingsHeld: held,
  outcomes: { not_relevant: 0, follow_up: 0, quotation_requested: quotation, samples: 0, nda: 0, mou_signed: 0 },
});
const meeting = (id: string, over: Partial<FirmHistory["events"][number]["meetings"][number]> = {}) => ({
  id,
  partner: { id: `p-${id}`, name: `Partner ${id}`, country: "JP" },
  start: "2031-10-09T02:00:00.000Z",
  end: "2031-10-09T02:30:00.000Z",
  mode: "onsite" as const,
  status: "held" as const,
  outcomes: [],
  outcomeOpen: false,
  ...over,
});
const history = (quotation: boolean): FirmHistory => ({
  company: { id: "mine", name: "Công ty Đông Anh" },
  events: [
    {
      slug: "this-year",
      name: { en: "Tokyo fair 2031" },
      kind: "hybrid",
      timeZone: "Asia/Tokyo",
      days: ["2031-10-09", "2031-10-10"],
      meetings: [
        meeting("m1", {
          outcomeOpen: true,
          outcomes: quotation ? [{ companyId: "mine", outcome: "quotation_requested", note: "Drawings", at: "2031-11-20T01:00:00.000Z" }] : [],
        }),
      ],
      counts: counts(1, quotation ? 1 : 0),
    },
    {
      slug: "last-year",
      name: { en: "Tokyo fair 2030" },
      kind: "hybrid",
      timeZone: "Asia/Tokyo",
      days: ["2030-10-10"],
      meetings: [
        meeting("m0", { start: "2030-10-10T02:00:00.000Z", outcomes: [{ companyId: "p-m0", outcome: "samples", at: "2030-11-01T00:00:00.000Z" }] }),
      ],
      counts: { meetingsHeld: 1, outcomes: { ...counts(1).outcomes, samples: 1 } },
    },
  ],
  totals: { meetingsHeld: 2, outcomes: { ...counts(2, quotation ? 1 : 0).outcomes, samples: 1 } },
});

beforeEach(() => startI18n("en"));

describe("the firm's history page", () => {
  test("each event with its figures and meetings, times in the reader's zone and the event's; an outcome recorded weeks later shows and counts", async () => {
    const api = answerFetch({ status: 200, body: history(false) });
    renderWithApp(<HistoryFor mine="mine" />);
    const thisYear = await screen.findByRole("region", { name: "Tokyo fair 2031" });
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["All events", "Tokyo fair 2031", "Tokyo fair 2030"]);
    const figures = within(thisYear).getByLabelText("Figures for Tokyo fair 2031");
    expect(figures.textContent).toContain("Meetings held1");
    expect(figures.textContent).toContain("Quotation requested0");
    const item = within(within(thisYear).getByRole("list", { name: "Meetings at Tokyo fair 2031" })).getByRole("listitem");
    // 02:00 UTC is 04:00 in Berlin (summer time) and 11:00 in Tokyo.
    expect(item.querySelector("time")!.textContent).toMatch(/4:00\s?AM–4:30\s?AM/);
    expect(item.querySelector(".fair-zone")!.textContent).toMatch(/11:00\s?AM–11:30\s?AM/);
    expect(within(item).getByText("No outcome recorded yet.")).toBeTruthy();
    // Last year's: the partner's outcome, no control (closed).
    const lastYear = screen.getByRole("region", { name: "Tokyo fair 2030" });
    expect(within(lastYear).getByText(/^Partner m0: Samples \(recorded /)).toBeTruthy();
    expect(within(lastYear).queryByRole("button")).toBeNull();

    api.answer({ status: 200, body: { id: "m1", status: "held" } });
    api.answer({ status: 200, body: history(true) });
    const open = within(item).getByRole("button", { name: "Record your outcome" });
    act(() => fireEvent.click(open));
    expect(open.getAttribute("aria-expanded")).toBe("true");
    fireEvent.change(within(item).getByLabelText("What came of it for your firm"), { target: { value: "quotation_requested" } });
    fireEvent.change(within(item).getByLabelText("Note"), { target: { value: "Drawings" } });
    await act(async () => fireEvent.click(within(item).getByRole("button", { name: "Save the outcome" })));
    await waitFor(() => expect(api.sent).toHaveLength(3));
    expect(api.sent[1]).toMatchObject({
      method: "POST",
      url: "/api/meetings/m1/outcome",
      body: { outcome: "quotation_requested", note: "Drawings" },
    });
    expect(api.sent[2]).toMatchObject({ method: "GET", url: "/api/me/history" });
    await waitFor(() => expect(within(item).getByText(/^Your firm: Quotation requested \(recorded /)).toBeTruthy());
    expect(within(thisYear).getByLabelText("Figures for Tokyo fair 2031").textContent).toContain("Quotation requested1");
    expect(within(item).getByRole("button", { name: "Change your outcome" })).toBeTruthy();
  });
});
