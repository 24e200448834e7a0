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

  test("a queued scan made before check-in opened, or after the meeting ended, says both times in the reader's zone", () => {
    const values = { scannedAt: fairIso(1, "08:40"), opensAt: fairIso(1, "08:45"), now: fairIso(1, "09:00"), minutes: "15" };
    const hanoi = { ...values, zone: "Asia/Ho_Chi_Minh", fairZone: "Asia/Ho_Chi_Minh" };
    expect(fieldMessage("scannedBeforeWindow", "en", hanoi)).toMatch(
      /^Scanned at 8:40\sAM, before check-in opened at 8:45\sAM \(15 minutes before the meeting\): scan it again\.$/,
    );
    const tokyo = { ...values, zone: "Asia/Tokyo", fairZone: "Asia/Ho_Chi_Minh" };
    expect(fieldMessage("scannedBeforeWindow", "ja", tokyo)).toBe(
      "10:40（ハノイ時間 8:40）の読み取りは、チェックイン開始（10:45（ハノイ時間 8:45）、商談開始の15分前）より前でした。もう一度読み取ってください。",
    );
    const after = { scannedAt: fairIso(1, "09:31"), closesAt: fairIso(1, "09:30"), now: fairIso(1, "10:00"), zone: "Asia/Ho_Chi_Minh" };
    expect(fieldMessage("scannedAfterWindow", "vi", after)).toBe("Quét lúc 9:31, sau khi cuộc gặp đã kết thúc lúc 9:30.");
  });

  test("a fair outside Hanoi (a mission to Tokyo) is not called Hanoi time", () => {
    const values = { opensAt: fairIso(1, "08:45"), now: fairIso(1, "08:00"), zone: "Asia/Ho_Chi_Minh", fairZone: "Asia/Tokyo", minutes: "15" };
    expect(fieldMessage("checkInOpensAt", "en", values)).toMatch(/^Check-in opens at 8:45\sAM \(10:45\sAM fair time\), 15 minutes/);
    expect(fieldMessage("checkInOpensAt", "vi", values)).toContain("giờ hội chợ");
  });
});
