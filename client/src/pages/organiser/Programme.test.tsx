/** @jest-environment jsdom */
import "../../lib/testing/jsdom";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { FairSessionRequestSchema, type FairSummary } from "@ketnoi/contracts";
import { answerFetch, renderWithApp, startI18n } from "../../lib/testing/render";
import { SessionForm } from "./Programme";

const fair = { slug: "cnht-test", timeZone: "Asia/Tokyo", days: ["2031-10-09", "2031-10-10"], programme: [] } as unknown as FairSummary;
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const messageFor = (label: string) => field(label).closest(".field")!.querySelector(".field-error")?.textContent ?? null;
const add = () => act(() => fireEvent.click(screen.getByRole("button", { name: "Add to the programme" })));

beforeEach(() => startI18n("en"));

describe("a programme session's form", () => {
  test("no title in any language is refused on the title as a whole; a title typed clears it; the body's times are the fair's", async () => {
    const api = answerFetch({ status: 201, body: { id: "s1" } });
    const done = jest.fn();
    renderWithApp(<SessionForm fair={fair} onDone={done} />);
    type("Room (English)", "Hall B");
    add();
    const titleError = () => screen.queryByRole("alert")?.textContent ?? null;
    await waitFor(() => expect(titleError()).toBe("at least one language"));
    expect(api.sent).toHaveLength(0);
    type("Title (English)", "Smart factories");
    await waitFor(() => expect(titleError()).toBeNull());

    fireEvent.change(field("Day"), { target: { value: "2031-10-10" } });
    type("Starts", "14:00");
    type("Ends", "15:30");
    type("Speakers", "Dr. Tanaka\nMs. Lan, Mr. Park");
    type("Capacity", "80");
    add();
    await waitFor(() => expect(done).toHaveBeenCalledWith("Session added to the programme."));
    const [post] = api.sent;
    expect(post!.url).toBe("/api/fair-sessions");
    const body = post!.body as { startsAt: string; endsAt: string };
    expect(body).toMatchObject({
      kind: "seminar",
      title: { en: "Smart factories" },
      room: { en: "Hall B" },
      speakers: ["Dr. Tanaka", "Ms. Lan", "Mr. Park"],
      capacity: 80,
    });
    // 14:00 in Tokyo, whatever zone the test runs in.
    expect(new Date(body.startsAt).toISOString()).toBe("2031-10-10T05:00:00.000Z");
    expect(new Date(body.endsAt).toISOString()).toBe("2031-10-10T06:30:00.000Z");
    expect(FairSessionRequestSchema.safeParse(body).success).toBe(true);
  });

  test("an emptied capacity and a speaker too long are named on their fields as they are typed", async () => {
    const api = answerFetch();
    renderWithApp(<SessionForm fair={fair} onDone={jest.fn()} />);
    type("Capacity", "");
    await waitFor(() => expect(messageFor("Capacity")).toBe("Invalid input: expected number, received undefined"));
    type("Speakers", `Dr. Tanaka\n${"x".repeat(121)}`);
    await waitFor(() => expect(messageFor("Speakers")).toBe("Too big: expected string to have <=120 characters"));
    add();
    await act(async () => {});
    expect(api.sent).toHaveLength(0);
  });
});
