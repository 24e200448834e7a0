/** @jest-environment jsdom */
import "../../lib/testing/jsdom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FairSetupSchema, type FairSetup } from "@ketnoi/contracts";
import { answerFetch, renderWithApp, startI18n } from "../../lib/testing/render";
import { termsOf } from "../../lib/labels";
import { Editor } from "./FairSetup";

const sector = termsOf("sector")[0]!.code;
const setup: FairSetup = {
  slug: "cnht-test",
  name: { en: "Supporting industries fair" },
  venue: { en: "Hanoi exhibition centre" },
  timeZone: "Asia/Ho_Chi_Minh",
  days: ["2031-10-09", "2031-10-10"],
  slotMinutes: 30,
  dailyHours: { start: "09:00", end: "17:00" },
  breaks: [{ start: "12:00", end: "13:00" }],
  onsiteTables: 40,
  tableZones: [{ from: 1, to: 10, sector }],
  onlineRoomsPerSlot: 8,
  countryPriorities: { JP: 1.5 },
};
const saved = { status: 200, body: { slug: setup.slug, replanned: { moved: 2, cancelled: 1 } } };
const badRequest = (fields: Record<string, string>) => ({
  status: 400,
  body: { error: { code: "validation_failed", message: "Some fields are not valid.", fields } },
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const save = (name = "Save the set-up") => act(() => fireEvent.click(screen.getByRole("button", { name })));
/** The message shown under a labelled control (Field's `.field-error`), or null. */
const messageFor = (label: string) => field(label).closest(".field")!.querySelector(".field-error")?.textContent ?? null;

beforeEach(() => startI18n("en"));

describe("the fair set-up form", () => {
  test("a break row added and another removed (useFieldArray): the body sent has exactly the rows left, in the contract's shape", async () => {
    const api = answerFetch(saved);
    renderWithApp(<Editor setup={setup} />);
    fireEvent.click(screen.getByRole("button", { name: "Add a break" }));
    expect(field("Break 2 starts").value).toBe("12:00");
    type("Break 2 starts", "15:00");
    type("Break 2 ends", "15:15");
    fireEvent.click(screen.getByRole("button", { name: "Remove break 1" }));
    expect(screen.queryByLabelText("Break 2 starts")).toBeNull();
    expect(field("Break 1 starts").value).toBe("15:00");
    type("Onsite tables", "45");
    type("Country 1 (two-letter code)", "kr");
    save();
    await screen.findByText("Saved. Displaced meetings: 2 moved, 1 cancelled with notice.");

    expect(api.sent).toHaveLength(1);
    const [put] = api.sent;
    expect(put!.method).toBe("PUT");
    expect(put!.url).toBe("/api/fairs/cnht-test");
    const { slug: _slug, ...unchanged } = setup;
    const expected = { ...unchanged, breaks: [{ start: "15:00", end: "15:15" }], onsiteTables: 45, countryPriorities: { KR: 1.5 } };
    expect(put!.body).toEqual(expected);
    // The body is what the api's schema takes, unchanged by parsing it.
    expect(FairSetupSchema.omit({ slug: true }).parse(put!.body)).toEqual(expected);
  });

  test("a bad value is refused as it is typed, in the reader's language, and nothing is sent", async () => {
    await startI18n("vi");
    const api = answerFetch();
    renderWithApp(<Editor setup={setup} />);
    type("Số bàn gặp mặt tại chỗ", "-1");
    // zod's own Vietnamese, as the api would answer it.
    await waitFor(() => expect(messageFor("Số bàn gặp mặt tại chỗ")).toBe("Quá nhỏ: mong đợi number >=0"));
    expect(field("Số bàn gặp mặt tại chỗ").getAttribute("aria-invalid")).toBe("true");
    type("Số bàn gặp mặt tại chỗ", "");
    await waitFor(() => expect(messageFor("Số bàn gặp mặt tại chỗ")).toBe("Đầu vào không hợp lệ: mong đợi số, nhận được undefined"));
    save("Lưu thiết lập");
    await waitFor(() => expect(messageFor("Số bàn gặp mặt tại chỗ")).not.toBeNull());
    expect(api.sent).toHaveLength(0);
  });

  test("the api's field messages land on their fields: a plain path, and a country's weight named by its code", async () => {
    answerFetch(badRequest({ onsiteTables: "Fewer tables than zones need.", "countryPriorities.JP": "Weight for JP refused." }));
    renderWithApp(<Editor setup={setup} />);
    save();
    await waitFor(() => expect(messageFor("Onsite tables")).toBe("Fewer tables than zones need."));
    expect(messageFor("Country 1 weight")).toBe("Weight for JP refused.");
    expect(screen.getByRole("alert").textContent).toContain("Some fields are not valid.");
    // Typing in the field replaces the api's word with the form's own check.
    type("Onsite tables", "41");
    await waitFor(() => expect(messageFor("Onsite tables")).toBeNull());
  });

  test("a country row added is checked by the contract's rule as typed; a day removed renumbers the days left", async () => {
    answerFetch();
    renderWithApp(<Editor setup={setup} />);
    fireEvent.click(screen.getByRole("button", { name: "Add a country" }));
    type("Country 2 (two-letter code)", "Japan");
    await waitFor(() => expect(messageFor("Country 2 (two-letter code)")).not.toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Remove day 1" }));
    expect(field("Day 1").value).toBe("2031-10-10");
    expect(screen.queryByLabelText("Day 2")).toBeNull();
    expect(
      (within(screen.getByRole("group", { name: "Fair days" })).getByRole("button", { name: "Remove day 1" }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
