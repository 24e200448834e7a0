import type { Instance, Solution } from "../scheduling/format";
import { checkSolution } from "../scheduling/checker";
import { solve } from "../scheduling/solver";
import { createRandom } from "../random";
import { moveOptions, planMove } from "./moveOptions";
import { explainUnscheduled } from "./explainUnscheduled";

/** Six back-to-back half hours of one day. */
const slots = Array.from({ length: 6 }, (_, i) => {
  const at = (m: number) => new Date(Date.UTC(2026, 11, 10, 1, m)).toISOString();
  return { id: `d1s0${i + 1}`, start: at(30 * i), end: at(30 * i + 30) };
});
const all = slots.map((s) => s.id);

const base: Instance = {
  version: 1,
  slots,
  onsiteTables: 1,
  onlineRooms: 1,
  interpreterMaxRun: 2,
  interpreters: [
    { id: "KO", languages: ["vi", "ko"], available: all },
    { id: "KO2", languages: ["vi", "ko", "en"], available: ["d1s04"] },
  ],
  participants: [
    { id: "vn1", available: all, onsite: true },
    { id: "vn2", available: all, onsite: true },
    { id: "kr1", available: all, onsite: true },
    { id: "kr2", available: all, onsite: true },
    { id: "de1", available: ["d1s05", "d1s06"], onsite: false },
  ],
  meetings: [
    { id: "K1", a: "vn1", b: "kr1", value: 1, mode: "either", languages: ["vi", "ko"] },
    { id: "K2", a: "vn2", b: "kr2", value: 1, mode: "either", languages: ["vi", "ko"] },
    { id: "K3", a: "vn2", b: "kr1", value: 1, mode: "onsite", languages: ["vi", "ko"] },
    { id: "D1", a: "vn1", b: "de1", value: 1, mode: "online" },
  ],
};
const plan = (assignments: Solution["assignments"]): Solution => ({
  version: 1,
  assignments,
  unscheduled: base.meetings.map((m) => m.id).filter((id) => !assignments.some((a) => a.meeting === id)),
  value: 0,
  upperBound: 10,
});

describe("where a meeting of a plan can be moved, and why not", () => {
  // K1 and K2 back to back with KO (her limit: 2 in a row); D1 online in d1s05.
  const sol = plan([
    { meeting: "K1", slot: "d1s01", mode: "onsite", interpreter: "KO" },
    { meeting: "K2", slot: "d1s02", mode: "onsite", interpreter: "KO" },
    { meeting: "D1", slot: "d1s05", mode: "online" },
  ]);
  const why = (meeting: string, slot: string, booked = false) => planMove(base, sol, meeting, slot, { booked });

  test("its own slot is not a move; a booked meeting stays", () => {
    expect(why("K1", "d1s01").reasons).toEqual([{ code: "current" }]);
    expect(why("K1", "d1s04", true)).toMatchObject({ feasible: false, reasons: [{ code: "booked" }] });
  });

  test("a side busy then is named with whom it meets; a remote side outside its hours is unavailable", () => {
    expect(why("K1", "d1s05")).toMatchObject({ feasible: false, reasons: [{ code: "partyBusy", party: "vn1", with: "de1" }] });
    expect(why("D1", "d1s01")).toMatchObject({
      feasible: false,
      reasons: [
        { code: "partyBusy", party: "vn1", with: "kr1" },
        { code: "partyUnavailable", party: "de1" },
      ],
    });
  });

  test("the interpreter would work three in a row: refused as such; later, a free slot is offered with its mode and interpreter", () => {
    // K3 (vn2, kr1) in d1s03 would be KO's third in a row.
    expect(why("K3", "d1s03")).toMatchObject({ feasible: false, reasons: [{ code: "interpreterRun" }] });
    const ok = why("K3", "d1s06");
    expect(ok).toMatchObject({ feasible: true, placement: { meeting: "K3", slot: "d1s06", mode: "onsite", interpreter: "KO", table: 1 } });
    expect(checkSolution(base, ok.solution!).violations).toEqual([]);
  });

  test("no table: an 'either' meeting there goes to the video room; no interpreter free: one there is handed to another who speaks its pair", () => {
    // d1s04: J1 sits there onsite with KJ, the one Korean speaker; J2 of J1's (Japanese) pair is free then.
    const inst: Instance = {
      ...base,
      interpreters: [
        { id: "KJ", languages: ["vi", "ko", "ja"], available: all },
        { id: "J2", languages: ["vi", "ja"], available: ["d1s04"] },
      ],
      meetings: [
        ...base.meetings,
        { id: "J1", a: "vn2", b: "kr2", value: 1, mode: "either" as const, languages: ["vi", "ja"] as [string, string] },
      ].filter((m) => m.id !== "K2"),
    };
    const crowded: Solution = {
      version: 1,
      assignments: [{ meeting: "J1", slot: "d1s04", mode: "onsite", interpreter: "KJ" }],
      unscheduled: ["K1", "K3", "D1"],
      value: 1,
      upperBound: 10,
    };
    // K3 and J1 share vn2: refused for that, not for the table or the interpreter.
    expect(planMove(inst, crowded, "K3", "d1s04").reasons).toEqual([{ code: "partyBusy", party: "vn2", with: "kr2" }]);
    const k1 = planMove(inst, crowded, "K1", "d1s04");
    expect(k1.feasible).toBe(true);
    const after = new Map(k1.solution!.assignments.map((a) => [a.meeting, a]));
    expect(after.get("J1")).toMatchObject({ mode: "online", interpreter: "J2" });
    expect(after.get("K1")).toMatchObject({ mode: "onsite", interpreter: "KJ", table: 1 });
    expect(checkSolution(inst, k1.solution!).violations).toEqual([]);
  });

  test("a meeting left out because its one interpreter would work too long in a row is said to lack an interpreter (not tables)", () => {
    const early = ["d1s01", "d1s02", "d1s03"];
    const inst: Instance = {
      ...base,
      participants: base.participants.map((p) => (p.id === "vn2" || p.id === "kr1" ? { ...p, available: early } : p)),
    };
    expect(explainUnscheduled(inst, sol).K3).toBe("noInterpreter");
    // Without the limit, KO could take it in d1s03: then it is tables or rooms.
    const { interpreterMaxRun: _limit, ...unlimited } = inst;
    expect(explainUnscheduled(unlimited, sol).K3).toBe("noCapacity");
  });

  test("nobody speaks the pair then", () => {
    const alone: Instance = { ...base, interpreters: [{ id: "KO", languages: ["vi", "ko"], available: ["d1s01", "d1s02"] }] };
    expect(planMove(alone, sol, "K1", "d1s04")).toMatchObject({ feasible: false, reasons: [{ code: "noInterpreter" }] });
  });

  test("every slot a simple move would make feasible (any mode, any interpreter) is offered, and every slot offered the checker accepts", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const inst = randomInstance(seed);
      const solved = solve(inst, { timeLimitMs: 40, seed });
      for (const a of solved.assignments) {
        const options = moveOptions(inst, solved, a.meeting);
        const others = solved.assignments.filter((x) => x.meeting !== a.meeting).map(({ table: _t, ...x }) => x);
        for (const option of options) {
          if (option.feasible) expect(checkSolution(inst, option.solution!).violations).toEqual([]);
          if (option.slot === a.slot) continue;
          const simple = (["onsite", "online"] as const).some((mode) =>
            [undefined, ...inst.interpreters.map((i) => i.id)].some(
              (interpreter) =>
                checkSolution(inst, {
                  ...solved,
                  assignments: [...others, { meeting: a.meeting, slot: option.slot, mode, ...(interpreter ? { interpreter } : {}) }],
                }).feasible,
            ),
          );
          if (simple)
            expect({ meeting: a.meeting, slot: option.slot, feasible: option.feasible }).toEqual({
              meeting: a.meeting,
              slot: option.slot,
              feasible: true,
            });
        }
      }
    }
  });
});

/** A small random fair: six back-to-back slots, scarce tables, rooms and interpreters, at most 2 in a row. */
function randomInstance(seed: number): Instance {
  const random = createRandom(seed);
  const people = Array.from({ length: 7 }, (_, i) => ({ id: `P${i}`, available: all.filter(() => random.chance(0.8)), onsite: random.chance(0.7) }));
  const meetings = Array.from({ length: 12 }, (_, i) => {
    const a = random.int(0, 6);
    const b = (a + random.int(1, 6)) % 7;
    return {
      id: `M${i}`,
      a: `P${a}`,
      b: `P${b}`,
      value: 0.5 + random.next(),
      mode: random.pick(["onsite", "online", "either"] as const),
      ...(random.chance(0.4) ? { languages: ["vi", "ja"] as [string, string] } : {}),
    };
  });
  return {
    version: 1,
    slots,
    onsiteTables: 2,
    onlineRooms: 1,
    interpreterMaxRun: 2,
    interpreters: [
      { id: "I0", languages: ["vi", "ja"], available: all.filter(() => random.chance(0.8)) },
      { id: "I1", languages: ["vi", "ja", "en"], available: all.filter(() => random.chance(0.6)), busy: ["d1s03"] },
    ],
    participants: people,
    meetings,
  };
}
