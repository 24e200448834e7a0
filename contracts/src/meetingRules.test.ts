import { answeringSide } from "./meetingRules";

describe("whose turn it is to answer an open meeting", () => {
  const sides = { requesterId: "requester", recipientId: "recipient" };
  test("a fresh request waits for the recipient", () => {
    expect(answeringSide(sides)).toBe("recipient");
    expect(answeringSide({ ...sides, proposalBy: "requester" })).toBe("recipient");
  });
  test("a counter-proposal waits for the requester", () => {
    expect(answeringSide({ ...sides, proposalBy: "recipient" })).toBe("requester");
  });
});
