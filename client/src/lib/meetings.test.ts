import type { MeetingView } from "@ketnoi/contracts";
import { answeringSide, isOpen } from "./meetings";

// The inbox sorts open meetings into "to answer" and "sent" with the api's own turn rule (contracts).
describe("an open meeting in the inbox", () => {
  const meeting = (fields: { status?: MeetingView["status"]; proposalBy?: string }) =>
    ({
      status: fields.status ?? "requested",
      requester: { companyId: "requester-co" },
      recipient: { companyId: "recipient-co" },
      ...(fields.proposalBy ? { proposal: { by: fields.proposalBy } } : {}),
    }) as unknown as MeetingView;

  test("a request waits for the recipient; a counter-proposal for the requester", () => {
    expect(answeringSide(meeting({}))).toBe("recipient-co");
    expect(answeringSide(meeting({ status: "countered", proposalBy: "recipient-co" }))).toBe("requester-co");
  });

  test("requested and countered are open; booked and declined are not", () => {
    expect([meeting({}), meeting({ status: "countered" }), meeting({ status: "booked" }), meeting({ status: "declined" })].map(isOpen)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
