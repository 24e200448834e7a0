/** @jest-environment jsdom */
import "../lib/testing/jsdom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { MeetingRequestBodySchema } from "@ketnoi/contracts";
import { renderWithApp, startI18n, type Answer, type Sent } from "../lib/testing/render";
import { RequestMeeting } from "./RequestMeeting";

const company = "65f0a1b2c3d4e5f6a7b8c9d0";
const slotAt = (hhmm: string) => {
  const start = `2031-10-09T${hhmm}:00.000Z`;
  return { id: start, start, end: `2031-10-09T${hhmm.slice(0, 3)}30:00.000Z` };
};
const [s1, s2, s3] = [slotAt("02:00"), slotAt("03:00"), slotAt("04:00")];
const fair = { slug: "cnht-test", timeZone: "Asia/Ho_Chi_Minh", name: { en: "The fair" } };
const booked = { id: "m1", status: "booked" };

/**
 * The api answered by method and path (the slots and the fair are read as often as the page wants);
 * each POST takes the next of its answers. Records every request.
 */
function answerRoutes(posts: Answer[], slots = [s1, s2]) {
  const sent: Sent[] = [];
  const slotReads = () => sent.filter((s) => s.url.startsWith("/api/meetings/slots")).length;
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    sent.push({ method, url: String(url), body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined, headers: {} });
    const reads: Record<string, Answer> = {
      [`/api/meetings/slots?with=${company}`]: { status: 200, body: slots },
      "/api/fairs/current": { status: 200, body: fair },
    };
    const answer: Answer | undefined = method === "POST" ? posts.shift() : reads[String(url)];
    if (!answer) throw new Error(`no answer for ${method} ${String(url)}`);
    return { ok: answer.status < 400, status: answer.status, json: async () => answer.body ?? null } as Response;
  }) as typeof fetch;
  return { posted: () => sent.filter((s) => s.method === "POST"), slotReads };
}

const commonSlots = () => screen.getByRole("radiogroup", { name: "Slots you both have free" });
const messageFor = (label: string) => screen.getByLabelText(label).closest(".field")!.querySelector(".field-error")?.textContent ?? null;
const press = (name: string) => act(() => fireEvent.click(screen.getByRole("button", { name })));

beforeEach(() => startI18n("en"));

describe("asking a company to meet", () => {
  test("a slot chosen is booked at once: the body names the company and the slot, and the day part is no longer asked", async () => {
    const api = answerRoutes([{ status: 201, body: booked }]);
    renderWithApp(<RequestMeeting companyId={company} companyName="Kansai Seiki" />);
    const radios = await within(await waitFor(commonSlots)).findAllByRole("radio");
    expect(screen.getByLabelText("Preferred time of day")).toBeTruthy();
    fireEvent.click(radios[1]!);
    expect(screen.queryByLabelText("Preferred time of day")).toBeNull();
    fireEvent.change(screen.getByLabelText("Mode"), { target: { value: "online" } });
    press("Book this slot");
    await screen.findByText("Meeting with Kansai Seiki booked.");

    const [post] = api.posted();
    expect(post!.url).toBe("/api/meetings");
    expect(post!.body).toEqual({ with: company, message: "", mode: "online", dayPart: "any", slot: s2.id });
    expect(MeetingRequestBodySchema.parse(post!.body)).toEqual(post!.body);
  });

  test("a slot taken meanwhile (409): nearest free ones offered, the choice cleared, slots read again; then a request without slot", async () => {
    const taken = {
      status: 409,
      body: { error: { code: "conflict", message: "Conflicts with existing data.", fields: { slot: "Taken." }, alternatives: [s3] } },
    };
    const api = answerRoutes([taken, { status: 201, body: { id: "m2", status: "requested" } }]);
    renderWithApp(<RequestMeeting companyId={company} companyName="Kansai Seiki" />);
    fireEvent.click((await within(await waitFor(commonSlots)).findAllByRole("radio"))[0]!);
    const readsBefore = api.slotReads();
    press("Book this slot");
    await screen.findByText("That slot was just taken. Please choose another.");
    const instead = screen.getByRole("radiogroup", { name: "Nearest free slots instead" });
    expect(
      within(instead)
        .getAllByRole("radio")
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual([s3.id]);
    expect(screen.getAllByRole("radio").some((r) => (r as HTMLInputElement).checked)).toBe(false);
    await waitFor(() => expect(api.slotReads()).toBe(readsBefore + 1));

    fireEvent.change(screen.getByLabelText("Message"), { target: { value: "  We need a servo press.  " } });
    fireEvent.change(screen.getByLabelText("Preferred time of day"), { target: { value: "afternoon" } });
    press("Send the request");
    await screen.findByText("Request sent to Kansai Seiki.");
    expect(api.posted().map((p) => p.body)).toEqual([
      { with: company, message: "", mode: "either", dayPart: "any", slot: s1.id },
      { with: company, message: "We need a servo press.", mode: "either", dayPart: "afternoon" },
    ]);
  });

  test("a message too long is refused as it is typed, in the reader's language (Japanese), and sending sends nothing", async () => {
    await startI18n("ja");
    const api = answerRoutes([]);
    renderWithApp(<RequestMeeting companyId={company} companyName="Kansai Seiki" />);
    await waitFor(() => screen.getByRole("radiogroup", { name: "双方の空き時間枠" }));
    const label = "メッセージ";
    fireEvent.change(screen.getByLabelText(label), { target: { value: "x".repeat(1001) } });
    await waitFor(() => expect(messageFor(label)).toMatch(/^大きすぎる値/));
    expect(screen.getByLabelText(label).getAttribute("aria-invalid")).toBe("true");
    press("リクエストを送る");
    await act(async () => {});
    expect(api.posted()).toHaveLength(0);
  });

  test("the api's message for a field lands on it, with the summary", async () => {
    answerRoutes([
      {
        status: 400,
        body: { error: { code: "validation_failed", message: "Some fields are not valid.", fields: { message: "No links in a first message." } } },
      },
    ]);
    renderWithApp(<RequestMeeting companyId={company} companyName="Kansai Seiki" />);
    await waitFor(commonSlots);
    fireEvent.change(screen.getByLabelText("Message"), { target: { value: "See https://example.com" } });
    press("Send the request");
    await waitFor(() => expect(messageFor("Message")).toBe("No links in a first message."));
    expect(screen.getByLabelText("Message").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toBe("Some fields are not valid. No links in a first message.");
  });
});
