import { DEMO_DAYS, fairDayPlus, fairIso } from "../../../tests/support/clock";
import { fairDate, localDay, timeIn, zoneName, zonesDiffer } from "./time";

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

// Issue #20: the fair's zone is the fair's own (its summary's timeZone), and times are read with Intl alone.
describe("times in the fair's zone, whichever it is", () => {
  test("an instant is read in the zone asked for: 09:00 in Hanoi is 11:00 in Tokyo", () => {
    expect(timeIn(fairIso(1, "09:00"), "Asia/Ho_Chi_Minh", "en-GB")).toBe("9:00");
    expect(timeIn(fairIso(1, "09:00"), "Asia/Tokyo", "en-GB")).toBe("11:00");
    expect(timeIn(fairIso(1, "14:30"), "Asia/Ho_Chi_Minh", "en-US")).toMatch(/^2:30\sPM$/);
  });

  test("the fair day of an instant is counted in the fair's zone: 23:30 in Hanoi is already the next day in Tokyo", () => {
    const late = fairIso(1, "23:30");
    expect(localDay(late, "Asia/Ho_Chi_Minh")).toBe(DEMO_DAYS[0]);
    expect(localDay(late, "Asia/Tokyo")).toBe(fairDayPlus(1));
  });

  test("a fair date is that date, not the day before in a zone west of it: the demo fair opens on a Thursday", () => {
    const [year, , day] = DEMO_DAYS[0].split("-").map(Number);
    expect(fairDate(DEMO_DAYS[0], "en")).toMatch(new RegExp(`^Thursday, \\w+ ${day}, ${year}$`));
  });

  test("zones are compared across a clock change: Berlin differs from London by an hour in summer and in winter", () => {
    const year = Number(DEMO_DAYS[0].slice(0, 4)) + 1;
    const summer = `${year}-07-01T10:00:00Z`;
    const winter = `${year}-01-15T10:00:00Z`;
    expect(zonesDiffer(summer, "Europe/Berlin", "Europe/London")).toBe(true);
    expect(zonesDiffer(winter, "Europe/Berlin", "Europe/London")).toBe(true);
    expect(zonesDiffer(summer, "Europe/London", "Europe/Lisbon")).toBe(false);
    expect(zonesDiffer(winter, "Europe/London", "UTC")).toBe(false);
    expect(zonesDiffer(summer, "Europe/London", "UTC")).toBe(true);
  });
});
