import { judgeScan, SCAN_CLOCK_SKEW_MS, type ScannedMeeting } from "./checkInRules";

// A meeting 09:00-09:30 (UTC here: the rule knows no zones); its window opens 15 minutes before.
const at = (hhmm: string) => new Date(`2026-12-10T${hhmm}:00Z`);
const CODE = "c0de-0123456789abcdef";
const booked: ScannedMeeting = { status: "booked", mode: "onsite", checkInCode: CODE, startsAt: at("09:00"), endsAt: at("09:30") };
const scan = (hhmm: string, code = CODE) => ({ code, scannedAt: at(hhmm) });

describe("a scan of a meeting's QR code at the table", () => {
  test("a late scan counts as of its own time, anywhere inside the window", () => {
    expect(judgeScan(booked, scan("08:45"), at("11:00"))).toEqual({ kind: "record", at: at("08:45") });
    expect(judgeScan(booked, scan("09:30"), at("11:00"))).toEqual({ kind: "record", at: at("09:30") });
  });

  test("a scan before the window opened or after it closed is refused, with the window", () => {
    const window = { opens: at("08:45"), closes: at("09:30") };
    expect(judgeScan(booked, scan("08:44"), at("09:10"))).toEqual({ kind: "refused", reason: "beforeWindow", window });
    expect(judgeScan(booked, scan("09:31"), at("09:40"))).toEqual({ kind: "refused", reason: "afterWindow", window });
  });

  test("a device clock a little ahead counts as now; further ahead it is refused", () => {
    const now = at("09:00");
    const slightlyAhead = { code: CODE, scannedAt: new Date(now.getTime() + SCAN_CLOCK_SKEW_MS) };
    expect(judgeScan(booked, slightlyAhead, now)).toEqual({ kind: "record", at: now });
    const ahead = { code: CODE, scannedAt: new Date(now.getTime() + SCAN_CLOCK_SKEW_MS + 1) };
    expect(judgeScan(booked, ahead, now)).toMatchObject({ kind: "refused", reason: "inFuture" });
  });

  test("a meeting already held stays held, and says when the scan counts as made (none for a scan out of time)", () => {
    const held = { ...booked, status: "held" as const };
    expect(judgeScan(held, scan("09:05"), at("09:20"))).toEqual({ kind: "alreadyRecorded", at: at("09:05") });
    expect(judgeScan(held, scan("08:00"), at("09:20"))).toEqual({ kind: "alreadyRecorded" });
  });

  test("a wrong code, an online, cancelled or unbooked meeting are refused, each with its reason", () => {
    expect(judgeScan(booked, scan("09:05", "x".repeat(CODE.length)), at("09:10"))).toMatchObject({ reason: "wrongCode" });
    expect(judgeScan(booked, scan("09:05", "short-code-0123456"), at("09:10"))).toMatchObject({ reason: "wrongCode" });
    expect(judgeScan({ ...booked, mode: "online" }, scan("09:05"), at("09:10"))).toMatchObject({ reason: "notOnsite" });
    expect(judgeScan({ ...booked, status: "cancelled" }, scan("09:05"), at("09:10"))).toMatchObject({ reason: "cancelled" });
    expect(judgeScan({ ...booked, status: "no_show" }, scan("09:05"), at("09:10"))).toMatchObject({ reason: "notBooked" });
    // A held meeting's code is still checked: a wrong one learns nothing of it.
    expect(judgeScan({ ...booked, status: "held" }, scan("09:05", "x".repeat(CODE.length)), at("09:10"))).toMatchObject({ reason: "wrongCode" });
  });
});
