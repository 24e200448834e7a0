import { planInstance, type PlanInput } from "./planInstance";
import { explainUnscheduled } from "./explainUnscheduled";
import { slotsForDayPart } from "./dayPart";
import { solve } from "../scheduling/solver";
import { checkSolution } from "../scheduling/checker";

const slot = (i: number) => ({
  id: `d1s0${i}`,
  start: new Date(Date.UTC(2026, 11, 10, 2, 30 * i)),
  end: new Date(Date.UTC(2026, 11, 10, 2, 30 * i + 30)),
});
const slots = [1, 2, 3].map(slot);
const all = slots.map((s) => s.id);

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    timeZone: "Asia/Ho_Chi_Minh",
    slots,
    onsiteTables: 1,
    onlineRooms: 1,
    participants: [
      { id: "vn1", onsite: true, languages: ["vi"], available: all },
      { id: "vn2", onsite: true, languages: ["vi", "en"], available: all },
      { id: "jp1", onsite: true, languages: ["ja"], available: all },
      { id: "de1", onsite: false, languages: ["de", "en"], available: ["d1s03"] },
    ],
    interpreters: [{ id: "i1", languages: ["vi", "ja"], available: ["d1s01", "d1s02"] }],
    meetings: [
      { key: "m1", a: "vn1", b: "jp1", kind: "request", value: 1, mode: "either" },
      { key: "m2", a: "vn2", b: "de1", kind: "proposal", value: 0.6, mode: "onsite" },
      { key: "m3", a: "vn1", b: "de1", kind: "request", value: 1, mode: "either" },
      { key: "b1", a: "vn2", b: "jp1", kind: "booked", value: 1, mode: "onsite", fixedSlot: "d1s01", interpreter: "i1" },
      { key: "dup", a: "jp1", b: "vn1", kind: "proposal", value: 0.9, mode: "either" },
    ],
    ...overrides,
  };
}

describe("planning the fair's meetings", () => {
  test("the instance: interpreters where the sides share no language, remote sides online only, booked meetings pinned, one meeting per pair", () => {
    const inst = planInstance(input());
    const byId = new Map(inst.meetings.map((m) => [m.id, m]));
    expect([...byId.keys()].sort()).toEqual(["b1", "m1", "m2", "m3"]);
    expect(byId.get("m1")!.languages).toEqual(["vi", "ja"]);
    expect(byId.get("m2")).toMatchObject({ mode: "online" });
    expect(byId.get("m2")!.languages).toBeUndefined(); // both speak English
    expect(byId.get("b1")!.slots).toEqual(["d1s01"]);
    expect(byId.get("b1")!.languages).toBeUndefined(); // it keeps the interpreter it has...
    expect(inst.interpreters[0]!.available).toEqual(["d1s02"]); // ...who is not free for another then
    expect(inst.interpreters[0]!.busy).toEqual(["d1s01"]); // ...and works then (her runs count it)
    expect(byId.get("m3")!.languages).toEqual(["vi", "de"]);
  });

  test("a solved plan is feasible, keeps the booked meeting, and says why the rest were left out", () => {
    const inst = planInstance(input());
    const sol = solve(inst, { timeLimitMs: 200, seed: 1 });
    expect(checkSolution(inst, sol).feasible).toBe(true);
    expect(sol.assignments.find((a) => a.meeting === "b1")?.slot).toBe("d1s01");
    expect(sol.assignments.find((a) => a.meeting === "m1")).toMatchObject({ slot: "d1s02", interpreter: "i1" });
    // vn1 and de1 share only d1s03, and no interpreter speaks German: left out, and why.
    expect(sol.unscheduled).toContain("m3");
    expect(explainUnscheduled(inst, sol).m3).toBe("noInterpreter");
  });

  test("Chinese as spoken: an interpreter entered as zh-Hant is booked for a firm whose profile says zh", () => {
    const inst = planInstance(
      input({
        participants: [
          { id: "vn1", onsite: true, languages: ["vi"], available: all },
          { id: "tw1", onsite: true, languages: ["zh", "en"], available: all },
        ],
        interpreters: [{ id: "i2", languages: ["vi", "zh-Hant"], available: all }],
        meetings: [{ key: "m1", a: "vn1", b: "tw1", kind: "request", value: 1, mode: "onsite" }],
      }),
    );
    expect(inst.meetings[0]!.languages).toEqual(["vi", "zh"]);
    const sol = solve(inst, { timeLimitMs: 100, seed: 1 });
    expect(checkSolution(inst, sol).feasible).toBe(true);
    expect(sol.assignments).toEqual([expect.objectContaining({ meeting: "m1", interpreter: "i2" })]);
  });

  test("the reasons: no common slot, sides busy, capacity", () => {
    const inst = planInstance(
      input({
        participants: [
          { id: "a", onsite: true, languages: ["en"], available: ["d1s01"] },
          { id: "b", onsite: true, languages: ["en"], available: ["d1s02"] },
          { id: "c", onsite: true, languages: ["en"], available: ["d1s01"] },
          { id: "d", onsite: true, languages: ["en"], available: ["d1s01"] },
          { id: "e", onsite: true, languages: ["en"], available: ["d1s01"] },
        ],
        onlineRooms: 0,
        meetings: [
          { key: "ab", a: "a", b: "b", kind: "request", value: 1, mode: "either" },
          { key: "ac", a: "a", b: "c", kind: "request", value: 2, mode: "either" },
          { key: "cd", a: "c", b: "d", kind: "request", value: 1, mode: "either" },
          { key: "de", a: "d", b: "e", kind: "request", value: 1, mode: "either" },
        ],
      }),
    );
    const sol = {
      version: 1 as const,
      assignments: [{ meeting: "ac", slot: "d1s01", mode: "onsite" as const }],
      unscheduled: ["ab", "cd", "de"],
      value: 2,
      upperBound: 2,
    };
    expect(checkSolution(inst, sol).feasible).toBe(true);
    expect(explainUnscheduled(inst, sol)).toEqual({ ab: "noCommonSlot", cd: "participantsBusy", de: "noCapacity" });
  });

  test("morning and afternoon wishes, and a cap per company, reach the instance", () => {
    // 09:00 and 13:30 in Hanoi are 02:00 and 06:30 UTC.
    const day = [
      { id: "d1s01", start: new Date("2026-12-10T02:00:00Z") },
      { id: "d1s02", start: new Date("2026-12-10T05:00:00Z") }, // noon
      { id: "d1s03", start: new Date("2026-12-10T06:30:00Z") },
    ];
    expect(slotsForDayPart(day, "morning", "Asia/Ho_Chi_Minh")).toEqual(["d1s01"]);
    expect(slotsForDayPart(day, "afternoon", "Asia/Ho_Chi_Minh")).toEqual(["d1s02", "d1s03"]);
    expect(slotsForDayPart(day, "any", "Asia/Ho_Chi_Minh")).toBeUndefined();
    const inst = planInstance(
      input({ maxMeetingsPerCompany: 2, meetings: [{ key: "m1", a: "vn1", b: "jp1", kind: "request", value: 1, mode: "either", slots: ["d1s02"] }] }),
    );
    expect(inst.meetings[0]!.slots).toEqual(["d1s02"]);
    expect(inst.participants.every((p) => p.maxMeetings === 2)).toBe(true);
  });

  test("the instance carries the fair's zone, which the solver counts days in", () => {
    expect(planInstance(input({ timeZone: "Asia/Tokyo" })).timeZone).toBe("Asia/Tokyo");
    expect(planInstance(input()).timeZone).toBe("Asia/Ho_Chi_Minh");
  });
});
