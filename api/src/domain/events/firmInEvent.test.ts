import { asInEvent } from "./firmInEvent";

const firm = { id: "c1", fairId: "fair", status: "approved" as const, participation: "onsite" as const, legalName: "Cơ khí Song Song" };

describe("a firm as it takes part in one event", () => {
  test("in another event: that registration's approval and way of taking part, the rest of the firm as it is", () => {
    expect(asInEvent(firm, { fairId: "week", companyId: "c1", status: "pending", participation: "remote" })).toEqual({
      ...firm,
      fairId: "week",
      status: "pending",
      participation: "remote",
    });
  });

  test("in its own event: the firm as stored", () => {
    expect(asInEvent(firm, { fairId: "fair", companyId: "c1", status: "approved", participation: "remote" })).toBe(firm);
  });

  test("never with another firm's registration", () => {
    expect(() => asInEvent(firm, { fairId: "week", companyId: "c2", status: "approved", participation: "remote" })).toThrow();
  });
});
