import { fairTime } from "../../../tests/support/clock";
import { formatMeetingTime } from "./meetingMail";

const HANOI = "Asia/Ho_Chi_Minh";

// Issue #18: a reader in Hanoi whose zone has another name was told the same time twice.
describe("a meeting's time in mail", () => {
  const start = fairTime(1, "09:00");

  test("a reader on Hanoi's clock gets one time, whatever their zone is called", () => {
    for (const zone of [HANOI, "Asia/Bangkok", "Asia/Saigon"]) {
      const text = formatMeetingTime(start, "vi", zone, HANOI);
      expect(text).not.toContain("(");
      expect(text).toContain("09:00");
    }
  });

  test("a reader elsewhere gets their own time with Hanoi's beside it", () => {
    const text = formatMeetingTime(start, "ja", "Asia/Tokyo", HANOI);
    expect(text).toMatch(/11:00.*\(.*9:00.*\)/);
  });
});
