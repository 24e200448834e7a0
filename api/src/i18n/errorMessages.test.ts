import { fairIso } from "../../../tests/support/clock";
import { errorMessage, fieldMessage } from "./errorMessages";

describe("error and field messages in the reader's language", () => {
  test("an error code's message", () => {
    expect(errorMessage("not_found", "ja")).toBe("見つかりません。");
  });

  test("text that is no key passes through, even a name Object.prototype has", () => {
    const notKeys = ["Too small: expected string to have >=1 characters", "toString", "constructor", "errors:not_found"];
    for (const message of notKeys) {
      expect(fieldMessage(message, "en")).toBe(message);
    }
  });

  test("a party busy in the slot: with whom when the error knows it", () => {
    const withOther = { party: "Hanoi Press", other: "Osaka Dies" };
    expect(fieldMessage("planPartyBusy", "en", withOther)).toBe("Hanoi Press already meets Osaka Dies in this slot.");
    expect(fieldMessage("planPartyBusy", "en", { party: "Hanoi Press" })).toBe("Hanoi Press already has another meeting in this slot.");
  });

  test("check-in opens at a time in the reader's zone, the fair's beside it when the clocks differ", () => {
    // Spaces matched loosely: some ICU versions put a narrow no-break space before "AM".
    const values = { opensAt: fairIso(1, "08:45"), now: fairIso(1, "08:00"), zone: "Asia/Tokyo", fairZone: "Asia/Ho_Chi_Minh", minutes: "15" };
    const inHanoi = { ...values, zone: "Asia/Ho_Chi_Minh" };
    const inTokyo = /^Check-in opens at 10:45\sAM \(8:45\sAM Hanoi time\), 15 minutes before the meeting\.$/;
    expect(fieldMessage("checkInOpensAt", "en", values)).toMatch(inTokyo);
    expect(fieldMessage("checkInOpensAt", "en", inHanoi)).toMatch(/^Check-in opens at 8:45\sAM, 15 minutes before the meeting\.$/);
  });

  test("a fair outside Hanoi (a mission to Tokyo) is not called Hanoi time", () => {
    const values = { opensAt: fairIso(1, "08:45"), now: fairIso(1, "08:00"), zone: "Asia/Ho_Chi_Minh", fairZone: "Asia/Tokyo", minutes: "15" };
    expect(fieldMessage("checkInOpensAt", "en", values)).toMatch(/^Check-in opens at 8:45\sAM \(10:45\sAM fair time\), 15 minutes/);
    expect(fieldMessage("checkInOpensAt", "vi", values)).toContain("giờ hội chợ");
  });
});
