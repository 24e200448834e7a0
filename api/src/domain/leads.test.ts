import { decideScan, SCAN_CLOCK_SKEW_MS } from "./leads";

describe("what a scan of a badge does", () => {
  const now = new Date("2030-04-04T03:00:00Z");
  const at = (ms: number) => new Date(now.getTime() + ms);
  const base = { scannedAt: at(-60_000), now, firmId: "firm", visitorCompanyId: "other", existing: null };

  test("a first scan makes the lead, a later one updates it", () => {
    expect(decideScan(base)).toEqual({ kind: "create" });
    expect(decideScan({ ...base, existing: {} })).toEqual({ kind: "rescan" });
  });

  test("a firm's own staff are not its leads", () => {
    expect(decideScan({ ...base, visitorCompanyId: "firm" })).toEqual({ kind: "refuse", reason: "leadOwnFirm" });
  });

  test("a visitor without a firm (an interpreter) can be scanned", () => {
    expect(decideScan({ ...base, visitorCompanyId: undefined })).toEqual({ kind: "create" });
  });

  test("a scan time ahead of the clock by more than the drift allowed is refused", () => {
    expect(decideScan({ ...base, scannedAt: at(SCAN_CLOCK_SKEW_MS) })).toEqual({ kind: "create" });
    expect(decideScan({ ...base, scannedAt: at(SCAN_CLOCK_SKEW_MS + 1) })).toEqual({ kind: "refuse", reason: "leadFutureScan" });
  });

  test("a withdrawal stands against scans made before it; a scan after it is a new consent", () => {
    const withdrawn = { withdrawnAt: at(-30_000) };
    expect(decideScan({ ...base, existing: withdrawn })).toEqual({ kind: "refuse", reason: "leadWithdrawn" });
    expect(decideScan({ ...base, scannedAt: at(-30_000), existing: withdrawn })).toEqual({ kind: "refuse", reason: "leadWithdrawn" });
    expect(decideScan({ ...base, scannedAt: at(-29_999), existing: withdrawn })).toEqual({ kind: "revive" });
  });
});
