import { peopleTold, planChanges, type StandingPlace } from "./planChanges";
import type { Assignment } from "./format";

const standing: StandingPlace[] = [
  { meeting: "kept", slot: "s1", mode: "onsite", interpreter: "i1", table: 3 },
  { meeting: "newTable", slot: "s1", mode: "onsite", table: 4 },
  { meeting: "later", slot: "s1", mode: "onsite", interpreter: "i2", table: 5 },
  { meeting: "toVideo", slot: "s2", mode: "onsite", table: 1 },
  { meeting: "newInterpreter", slot: "s2", mode: "online", interpreter: "i1" },
  { meeting: "slotGone", slot: null, mode: "online" },
  { meeting: "noPlace", slot: "s3", mode: "online", interpreter: "i3" },
];
const assignments: Assignment[] = [
  { meeting: "kept", slot: "s1", mode: "onsite", interpreter: "i1", table: 3 },
  { meeting: "newTable", slot: "s1", mode: "onsite", table: 7 },
  { meeting: "later", slot: "s4", mode: "onsite", interpreter: "i2", table: 5 },
  { meeting: "toVideo", slot: "s2", mode: "online" },
  { meeting: "newInterpreter", slot: "s2", mode: "online", interpreter: "i4" },
  { meeting: "slotGone", slot: "s5", mode: "online" },
  { meeting: "request", slot: "s3", mode: "online" },
];
const parties: Record<string, [string, string]> = {
  kept: ["a", "b"],
  newTable: ["a", "c"],
  later: ["d", "e"],
  toVideo: ["d", "f"],
  newInterpreter: ["g", "h"],
  slotGone: ["g", "k"],
  noPlace: ["m", "n"],
};

describe("planChanges: what a new plan changes in the booked meetings", () => {
  const changes = planChanges(standing, assignments);

  test("only a meeting at its slot and mode with its interpreter and table is kept", () => {
    expect(changes.kept).toBe(1);
  });

  test("another slot, a switch to video, or a time that is no longer a slot is a move", () => {
    expect(changes.moved.map((c) => [c.meeting, c.to.slot, c.to.mode])).toEqual([
      ["later", "s4", "onsite"],
      ["toVideo", "s2", "online"],
      ["slotGone", "s5", "online"],
    ]);
  });

  test("the same slot and mode with another table or interpreter is a reassignment; one left out is cancelled; one not booked before is newly placed", () => {
    expect(changes.reassigned.map((c) => [c.meeting, c.from.table, c.to.table, c.from.interpreter, c.to.interpreter])).toEqual([
      ["newTable", 4, 7, undefined, undefined],
      ["newInterpreter", undefined, undefined, "i1", "i4"],
    ]);
    expect(changes.cancelled).toEqual(["noPlace"]);
    expect(changes.placed).toEqual(["request"]);
  });

  test("people told: both firms of every changed meeting and the interpreters before and after, each once", () => {
    const told = peopleTold(standing, changes, (m) => parties[m]!);
    expect(told.firms.sort()).toEqual(["a", "c", "d", "e", "f", "g", "h", "k", "m", "n"]);
    expect(told.interpreters.sort()).toEqual(["i1", "i2", "i3", "i4"]);
  });

  test("nothing changed: every booked meeting kept, nobody told", () => {
    const same = planChanges(standing.slice(0, 1), assignments.slice(0, 1));
    expect(same).toEqual({ moved: [], reassigned: [], cancelled: [], placed: [], kept: 1 });
    expect(peopleTold(standing, same, (m) => parties[m]!)).toEqual({ firms: [], interpreters: [] });
  });
});
