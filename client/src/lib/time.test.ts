import { fairIso } from "../../../tests/support/clock";
import { zoneName, zonesDiffer } from "./time";

// Issue #18: a Hanoi viewer was shown the same time twice, and zones appeared as database ids.
describe("time zones as readers see them", () => {
  const nine = fairIso(1, "09:00");

  test("zones are compared by their clocks, not their names: Bangkok and Saigon are Hanoi's time", () => {
    expect(zonesDiffer(nine, "Asia/Bangkok", "Asia/Ho_Chi_Minh")).toBe(false);
    expect(zonesDiffer(nine, "Asia/Saigon", "Asia/Ho_Chi_Minh")).toBe(false);
    expect(zonesDiffer(nine, "Asia/Tokyo", "Asia/Ho_Chi_Minh")).toBe(true);
  });

  test("a zone is named in the reader's language with its offset, never by its id", () => {
    const at = new Date(nine);
    expect(zoneName("Asia/Tokyo", "ja", at)).toBe("日本標準時 (GMT+9)");
    expect(zoneName("Asia/Tokyo", "en", at)).toBe("Japan Standard Time (GMT+9)");
    expect(zoneName("Asia/Seoul", "ko", at)).toBe("한국 표준시 (GMT+9)");
    expect(zoneName("Asia/Ho_Chi_Minh", "vi", at)).toBe("Giờ Đông Dương (GMT+7)");
    for (const locale of ["vi", "en", "ja", "ko", "zh-Hant"]) expect(zoneName("Asia/Taipei", locale, at)).not.toContain("Asia/");
  });

  test("a zone without a name of its own is its offset; an unknown id is shown as it is", () => {
    expect(zoneName("UTC", "en", new Date(nine))).toBe("GMT+0");
    expect(zoneName("Mars/Olympus_Mons", "en", new Date(nine))).toBe("Mars/Olympus_Mons");
  });
});
