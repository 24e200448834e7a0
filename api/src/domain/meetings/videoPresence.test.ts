import { attendanceSummary, bothPartiesPresent, presentNow, type PresenceEvent } from "./videoPresence";

const t = (min: number) => new Date(Date.UTC(2026, 11, 10, 3, min));
const ev = (userId: string, companyId: string, kind: "joined" | "left", min: number, access = "party"): PresenceEvent => ({ userId, companyId, access, kind, at: t(min) });

describe("video presence", () => {
  test("both parties must be in the room at the same time", () => {
    const seq = [ev("a", "A", "joined", 0), ev("a", "A", "left", 2), ev("b", "B", "joined", 3)];
    expect(bothPartiesPresent(seq, "A", "B")).toBe(false);
    expect(bothPartiesPresent([...seq, ev("a", "A", "joined", 4)], "A", "B")).toBe(true);
  });

  test("an interpreter or organiser does not stand in for a party", () => {
    const seq = [ev("a", "A", "joined", 0), ev("i", "B", "joined", 1, "interpreter")];
    expect(bothPartiesPresent(seq, "A", "B")).toBe(false);
    expect(presentNow(seq).map((e) => e.userId).sort()).toEqual(["a", "i"]);
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
});
