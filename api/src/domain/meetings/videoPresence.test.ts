import { attendanceSummary, bothPartiesPresent, partiesPresentWithin, presentNow, togetherWithin, type PresenceEvent } from "./videoPresence";
import { meetingWindow } from "./meetingWindow";

const t = (min: number) => new Date(Date.UTC(2026, 11, 10, 3, min));
const ev = (userId: string, companyId: string, kind: "joined" | "left", min: number, access = "party"): PresenceEvent => ({
  userId,
  companyId,
  access,
  kind,
  at: t(min),
});

describe("video presence", () => {
  test("both parties must be in the room at the same time", () => {
    const seq = [ev("a", "A", "joined", 0), ev("a", "A", "left", 2), ev("b", "B", "joined", 3)];
    expect(bothPartiesPresent(seq, "A", "B")).toBe(false);
    expect(bothPartiesPresent([...seq, ev("a", "A", "joined", 4)], "A", "B")).toBe(true);
  });

  test("an interpreter or organiser does not stand in for a party", () => {
    const seq = [ev("a", "A", "joined", 0), ev("i", "B", "joined", 1, "interpreter")];
    expect(bothPartiesPresent(seq, "A", "B")).toBe(false);
    expect(
      presentNow(seq)
        .map((e) => e.userId)
        .sort(),
    ).toEqual(["a", "i"]);
  });

  test("durations per participant and together, counting open stays up to now", () => {
    const seq = [ev("a", "A", "joined", 0), ev("b", "B", "joined", 5), ev("b", "B", "left", 15), ev("b", "B", "joined", 20)];
    const s = attendanceSummary(seq, "A", "B", t(30));
    expect(s.togetherSeconds).toBe(20 * 60);
    const a = s.participants.find((p) => p.userId === "a")!;
    const b = s.participants.find((p) => p.userId === "b")!;
    expect(a).toMatchObject({ seconds: 30 * 60, joins: 1, present: true });
    expect(b).toMatchObject({ seconds: 20 * 60, joins: 2, present: true });
  });

  test("two tabs of one user: present until both left", () => {
    const seq = [ev("a", "A", "joined", 0), ev("a", "A", "joined", 1), ev("a", "A", "left", 2)];
    expect(presentNow(seq)).toHaveLength(1);
    expect(presentNow([...seq, ev("a", "A", "left", 3)])).toHaveLength(0);
  });

  describe("inside the meeting's window (15 minutes before its start to its end)", () => {
    // The meeting runs from minute 60 to 90; its window opens at minute 45.
    const window = meetingWindow(t(60), t(90));

    test("a test call wholly before the window counts for nothing", () => {
      const call = [ev("a", "A", "joined", 0), ev("b", "B", "joined", 1), ev("a", "A", "left", 10), ev("b", "B", "left", 11)];
      expect(bothPartiesPresent(call.slice(0, 2), "A", "B")).toBe(true);
      expect(togetherWithin(call, "A", "B", window)).toBe(false);
      expect(partiesPresentWithin(call, window)).toEqual(new Set());
    });

    test("being together when the window opens counts, so does meeting inside it; not after it closes", () => {
      const stayedOn = [ev("a", "A", "joined", 30), ev("b", "B", "joined", 40)];
      expect(togetherWithin(stayedOn, "A", "B", window, t(44))).toBe(false);
      expect(togetherWithin(stayedOn, "A", "B", window, t(45))).toBe(true);
      expect(togetherWithin([ev("a", "A", "joined", 50), ev("b", "B", "joined", 70)], "A", "B", window)).toBe(true);
      expect(togetherWithin([ev("a", "A", "joined", 50), ev("a", "A", "left", 80), ev("b", "B", "joined", 95)], "A", "B", window)).toBe(false);
    });

    test("who came: a party present at any instant of the window", () => {
      const seq = [ev("b", "B", "joined", 0), ev("b", "B", "left", 5), ev("a", "A", "joined", 40), ev("i", "B", "joined", 60, "interpreter")];
      expect(partiesPresentWithin(seq, window)).toEqual(new Set(["A"]));
      expect(partiesPresentWithin([...seq, ev("b", "B", "joined", 89)], window)).toEqual(new Set(["A", "B"]));
      expect(partiesPresentWithin([...seq, ev("b", "B", "joined", 91)], window)).toEqual(new Set(["A"]));
    });
  });
});
