import { groupFirmHistory, type HistoryEventInput, type HistoryMeetingInput } from "./firmHistory";
import { outcomeOpen, outcomeTiming } from "./meetings/outcomeWindow";

interface Meeting extends HistoryMeetingInput {
  id: string;
}

const FIRM = "firm";
const LAST_YEAR: HistoryEventInput = { id: "last", days: ["2025-04-10", "2025-04-11"] };
const THIS_YEAR: HistoryEventInput = { id: "this", days: ["2026-04-09", "2026-04-10"] };
const MISSION: HistoryEventInput = { id: "mission", days: ["2026-06-01"] };
const NOW = new Date("2026-05-20T03:00:00Z");

const meeting = (id: string, fairId: string, over: Partial<Meeting> = {}): Meeting => ({
  id,
  fairId,
  requesterId: FIRM,
  recipientId: `partner-${id}`,
  status: "held",
  startsAt: new Date(`${fairId === "last" ? "2025-04-10" : "2026-04-09"}T02:00:00Z`),
  outcomes: [],
  ...over,
});

const group = (meetings: Meeting[], joined: string[] = [], readerIsMember = true) =>
  groupFirmHistory(FIRM, [THIS_YEAR, LAST_YEAR, MISSION], meetings, { joined: new Set(joined), now: NOW, readerIsMember });

describe("a firm's history across events", () => {
  test("groups the firm's meetings by event, newest event first, meetings by start, each with its partner", () => {
    const later = meeting("b", "this", { startsAt: new Date("2026-04-09T05:00:00Z"), recipientId: FIRM, requesterId: "vendor-b" });
    const h = group([later, meeting("a", "this"), meeting("old", "last")]);
    expect(h.events.map((g) => g.event.id)).toEqual(["this", "last"]);
    expect(h.events[0]!.meetings.map((m) => [m.meeting.id, m.partnerId])).toEqual([
      ["a", "partner-a"],
      ["b", "vendor-b"],
    ]);
  });

  test("lists an event the firm took part in without meetings, and leaves out events it neither joined nor met in", () => {
    const h = group([meeting("old", "last")], ["mission"]);
    expect(h.events.map((g) => [g.event.id, g.meetings.length, g.counts.meetingsHeld])).toEqual([
      ["mission", 0, 0],
      ["last", 1, 1],
    ]);
  });

  test("keeps meetings that were on an agenda; requests never booked and cancelled meetings are not history; other firms' meetings never", () => {
    const h = group([
      meeting("held", "this"),
      meeting("booked", "this", { status: "booked" }),
      meeting("absent", "this", { status: "no_show" }),
      meeting("cancelled", "this", { status: "cancelled" }),
      meeting("declined", "this", { status: "declined" }),
      meeting("requested", "this", { status: "requested", startsAt: undefined }),
      meeting("others", "this", { requesterId: "someone", recipientId: "else" }),
    ]);
    expect(h.events[0]!.meetings.map((m) => m.meeting.id).sort()).toEqual(["absent", "booked", "held"]);
  });

  test("counts meetings held and each outcome per event and in all; a meeting counts once per outcome whichever sides recorded it", () => {
    const h = group([
      meeting("a", "this", { outcomes: [{ outcome: "mou_signed" }, { outcome: "mou_signed" }] }),
      meeting("b", "this", { outcomes: [{ outcome: "samples" }, { outcome: "nda" }] }),
      meeting("c", "this", { status: "booked", outcomes: [{ outcome: "follow_up" }] }),
      meeting("d", "last", { outcomes: [{ outcome: "samples" }] }),
      meeting("e", "last", { status: "no_show" }),
    ]);
    const [thisYear, lastYear] = h.events;
    expect(thisYear!.counts).toEqual({
      meetingsHeld: 2,
      outcomes: { not_relevant: 0, follow_up: 1, quotation_requested: 0, samples: 1, nda: 1, mou_signed: 1 },
    });
    expect(lastYear!.counts).toEqual({
      meetingsHeld: 1,
      outcomes: { not_relevant: 0, follow_up: 0, quotation_requested: 0, samples: 1, nda: 0, mou_signed: 0 },
    });
    expect(h.totals).toEqual({
      meetingsHeld: 3,
      outcomes: { not_relevant: 0, follow_up: 1, quotation_requested: 0, samples: 2, nda: 1, mou_signed: 1 },
    });
  });

  test("offers the outcome to the firm's members on held or booked meetings inside the year after them, to organisers never", () => {
    const h = group([
      meeting("held", "this"),
      meeting("booked", "this", { status: "booked" }),
      meeting("absent", "this", { status: "no_show" }),
      meeting("old", "last"),
    ]);
    const open = Object.fromEntries(h.events.flatMap((g) => g.meetings.map((m) => [m.meeting.id, m.outcomeOpen])));
    expect(open).toEqual({ held: true, booked: true, absent: false, old: false });
    const asOrganiser = group([meeting("held", "this")], [], false);
    expect(asOrganiser.events[0]!.meetings[0]!.outcomeOpen).toBe(false);
  });
});

describe("the outcome window", () => {
  const start = new Date("2026-04-09T02:00:00Z");
  test("opens at the meeting's start and closes a year (365 days) after it", () => {
    expect(outcomeTiming(start, new Date(start.getTime() - 1))).toBe("notStarted");
    expect(outcomeTiming(start, start)).toBe("open");
    expect(outcomeTiming(start, new Date("2026-05-21T02:00:00Z"))).toBe("open");
    expect(outcomeTiming(start, new Date(start.getTime() + 365 * 86_400_000))).toBe("open");
    expect(outcomeTiming(start, new Date(start.getTime() + 365 * 86_400_000 + 1))).toBe("closed");
  });
  test("is open only on held or booked meetings", () => {
    const weeksLater = new Date("2026-05-21T02:00:00Z");
    expect(outcomeOpen("held", start, weeksLater)).toBe(true);
    expect(outcomeOpen("booked", start, weeksLater)).toBe(true);
    expect(outcomeOpen("no_show", start, weeksLater)).toBe(false);
    expect(outcomeOpen("cancelled", start, weeksLater)).toBe(false);
    expect(outcomeOpen("held", undefined, weeksLater)).toBe(false);
  });
});
