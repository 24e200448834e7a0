import { reservationKeys } from "./reservationKeys";

const at = (hhmm: string) => new Date(`2027-03-10T${hhmm}:00Z`);
const minute = (hhmm: string) => String(at(hhmm).getTime() / 60_000);

describe("a firm's time, held in five-minute blocks", () => {
  test("a 20-minute meeting holds four blocks, the first named by its start", () => {
    expect(reservationKeys.participantTime("c1", at("02:00"), at("02:20"))).toEqual(["00", "05", "10", "15"].map((m) => `p:c1:${minute(`02:${m}`)}`));
  });

  test("meetings of two events overlap in a block exactly when their times overlap", () => {
    const shared = (a: [string, string], b: [string, string]) => {
      const first = new Set(reservationKeys.participantTime("c1", at(a[0]), at(a[1])));
      return reservationKeys.participantTime("c1", at(b[0]), at(b[1])).some((k) => first.has(k));
    };
    // A fair's half hour and an online week's twenty minutes.
    expect(shared(["02:00", "02:30"], ["02:20", "02:40"])).toBe(true);
    expect(shared(["02:00", "02:30"], ["02:30", "02:50"])).toBe(false);
    expect(shared(["02:00", "02:30"], ["01:40", "02:00"])).toBe(false);
    // Another firm's time is its own.
    expect(reservationKeys.participantTime("c2", at("02:00"), at("02:30"))).not.toContain(
      reservationKeys.participantTime("c1", at("02:00"), at("02:30"))[0],
    );
  });
});
