import { bestOf, idleThreads } from "./solverRunner";
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

describe("how many searches run side by side", () => {
  test("one per core the load leaves idle, at least one, at most the threads asked for", () => {
    expect(idleThreads(2, 0, 2)).toBe(2);
    expect(idleThreads(2, 0.4, 2)).toBe(2);
    expect(idleThreads(2, 1, 2)).toBe(1);
    expect(idleThreads(2, 3.7, 2)).toBe(1);
    expect(idleThreads(4, 2.2, 8)).toBe(4);
    expect(idleThreads(4, 5.6, 8)).toBe(2);
  });
});
