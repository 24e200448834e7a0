import { isBetterPlan, VALUE_TOLERANCE } from "./planOrder";

describe("which of two plans is better", () => {
  test("more value wins whatever the breaks; less value loses whatever the breaks", () => {
    expect(isBetterPlan({ value: 11, breaks: 9 }, { value: 10, breaks: 0 })).toBe(true);
    expect(isBetterPlan({ value: 10, breaks: 0 }, { value: 11, breaks: 9 })).toBe(false);
  });

  test("at the same value, fewer breaks win; a plan is not better than its equal", () => {
    expect(isBetterPlan({ value: 10, breaks: 3 }, { value: 10, breaks: 4 })).toBe(true);
    expect(isBetterPlan({ value: 10, breaks: 4 }, { value: 10, breaks: 3 })).toBe(false);
    expect(isBetterPlan({ value: 10, breaks: 4 }, { value: 10, breaks: 4 })).toBe(false);
  });

  test("values that differ only by rounding are one value, so breaks decide", () => {
    // 0.1 + 0.2 and 0.3: the same meetings summed in another order.
    expect(isBetterPlan({ value: 0.1 + 0.2, breaks: 5 }, { value: 0.3, breaks: 4 })).toBe(false);
    expect(isBetterPlan({ value: 0.3, breaks: 4 }, { value: 0.1 + 0.2, breaks: 5 })).toBe(true);
    expect(isBetterPlan({ value: 1 + 2 * VALUE_TOLERANCE, breaks: 5 }, { value: 1, breaks: 4 })).toBe(true);
  });
});
