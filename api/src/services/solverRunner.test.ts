import { bestOf } from "./solverRunner";
import type { SolveResult } from "../domain/scheduling/solver";

const plan = (value: number, breaks: number, upperBound: number) =>
  ({ version: 1, assignments: [], unscheduled: [], value, upperBound, breaks, stats: {} }) as unknown as SolveResult;

describe("the best of plans searched side by side", () => {
  test("most value first, then fewest breaks; the tightest proven bound", () => {
    expect(bestOf([plan(10, 3, 12), plan(11, 9, 11.5), plan(11, 4, 13)])).toMatchObject({ value: 11, breaks: 4, upperBound: 11.5 });
    expect(bestOf([plan(5, 2, 6)])).toMatchObject({ value: 5, breaks: 2, upperBound: 6 });
  });
  test("values equal within rounding count as equal", () => {
    expect(bestOf([plan(2.67, 5, 3), plan(2.6700000000000004, 4, 3)]).breaks).toBe(4);
    expect(bestOf([plan(2.6700000000000004, 5, 3), plan(2.67, 4, 3)]).breaks).toBe(4);
  });
  test("the highest proven lower bound on breaks among plans holding the same meetings", () => {
    const holding = (meetings: string[], breaks: number, breaksLowerBound?: number) =>
      ({
        version: 1,
        assignments: meetings.map((meeting) => ({ meeting, slot: "s1", mode: "onsite" })),
        unscheduled: [],
        value: 2,
        upperBound: 2,
        breaks,
        stats: breaksLowerBound === undefined ? {} : { breaksLowerBound },
      }) as unknown as SolveResult;
    expect(bestOf([holding(["A", "B"], 3, 1), holding(["A", "B"], 4, 2), holding(["A", "B"], 5)]).stats.breaksLowerBound).toBe(2);
    // A bound proven for other meetings says nothing about the best plan's.
    expect(bestOf([holding(["A", "B"], 3), holding(["A", "C"], 4, 4)]).stats.breaksLowerBound).toBeUndefined();
  });
});
