import { newerQueueView, type BoothQueueView } from "./realtime";

const view = (asOf: number, position: number | null, waiting?: BoothQueueView["waiting"]): BoothQueueView => ({
  companyId: "c",
  position,
  admitted: false,
  asOf,
  ...(waiting ? { waiting } : {}),
});

describe("newerQueueView: the view of a booth's queue a client shows", () => {
  test("a view read earlier that arrives late does not replace the one read later", () => {
    const later = view(1000.5, 2);
    expect(newerQueueView(later, view(1000.25, 3))).toBe(later);
    const arriving = view(1001, 1);
    expect(newerQueueView(later, arriving)).toBe(arriving);
  });

  test("the first view is taken; on a tie the arriving one; staff keep their list against a visitor's view", () => {
    const first = view(5, 1);
    expect(newerQueueView(null, first)).toBe(first);
    const tie = view(5, 2);
    expect(newerQueueView(first, tie)).toBe(tie);
    const staff = view(5, null, []);
    expect(newerQueueView(staff, view(9, 1))).toBe(staff);
  });
});
