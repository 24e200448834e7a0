import { MatchingEngine, type Recommendation } from "./engine";
import type { RecommendContext } from "./context";
import { domestic, foreign, TEST_FAIR } from "./testing";

// One firm needing CNC machine tools and robots as much; vendors of each, all alike otherwise.
const firm = domestic("firm", {
  needs: [
    { kind: "technology", codes: ["tech.cnc"], priority: 1 },
    { kind: "technology", codes: ["tech.robot"], priority: 1 },
  ],
});
const vendor = (id: string, code: string, rest = {}) => foreign(id, { offers: [{ code }], ...rest });
const vendors = [
  vendor("cnc-a", "tech.cnc"),
  vendor("cnc-b", "tech.cnc"),
  vendor("robot-a", "tech.robot"),
  vendor("robot-b", "tech.robot"),
  vendor("mes", "tech.mes", { sectors: ["sec.mech"] }),
];
const engine = new MatchingEngine({ fair: TEST_FAIR });
for (const p of [firm, ...vendors, domestic("other-firm", { sectors: ["sec.mech"] })]) engine.upsertParticipant(p);

const rank = (context: RecommendContext) => engine.recommend("firm", 10, context);
const scoreOf = (recs: Recommendation[], id: string) => recs.find((r) => r.id === id)?.score;
const before = rank({});

test("the four vendors meet one need each and score alike; a vendor without a link is not proposed", () => {
  expect(before.map((r) => r.id).sort()).toEqual(["cnc-a", "cnc-b", "robot-a", "robot-b"]);
  expect(new Set(before.map((r) => r.score)).size).toBe(1);
});

describe("dismissals teach the ranking", () => {
  test("'not relevant' removes the vendor and lowers the same kind of proposal", () => {
    const after = rank({ dismissals: [{ participantId: "cnc-a", kind: "offer:tech.cnc", reason: "notRelevant" }] });
    expect(
      after
        .map((r) => r.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(["robot-a", "robot-b"]);
    expect(after.map((r) => r.id).slice(2)).toEqual(["cnc-b"]);
    expect(scoreOf(after, "cnc-b")!).toBeLessThan(scoreOf(before, "cnc-b")!);
    expect(scoreOf(after, "robot-a")).toBe(scoreOf(before, "robot-a"));
  });

  test("dismissing a broader kind lowers the narrower one; an unrelated kind leaves it alone", () => {
    const servo = new MatchingEngine({ fair: TEST_FAIR });
    for (const p of [
      domestic("f", { needs: [{ kind: "technology", codes: ["tech.press.servo"], priority: 1 }] }),
      vendor("servo", "tech.press.servo"),
    ]) {
      servo.upsertParticipant(p);
    }
    const scoreAfter = (kind: string) =>
      servo.recommend("f", 1, { dismissals: [{ participantId: "another", kind, reason: "notRelevant" }] })[0]!.score;
    const plain = servo.recommend("f", 1)[0]!.score;
    expect(scoreAfter("offer:tech.press")).toBeLessThan(plain);
    expect(scoreAfter("offer:tech.robot")).toBe(plain);
    expect(scoreAfter("supply:tech.press")).toBe(plain);
  });

  test("'already in contact' removes only that vendor", () => {
    const after = rank({ dismissals: [{ participantId: "cnc-a", kind: "offer:tech.cnc", reason: "alreadyInContact" }] });
    expect(after.map((r) => r.id)).not.toContain("cnc-a");
    expect(scoreOf(after, "cnc-b")).toBe(scoreOf(before, "cnc-b"));
  });

  test("'language' lowers proposals that need an interpreter or have no common language", () => {
    const korean = vendor("robot-ko", "tech.robot", { country: "KR", timeZone: "Asia/Seoul", languages: ["ko"] });
    engine.upsertParticipant(korean);
    try {
      const plain = scoreOf(rank({}), "robot-ko")!;
      const after = rank({ dismissals: [{ participantId: "cnc-a", kind: "offer:tech.cnc", reason: "language" }] });
      expect(scoreOf(after, "robot-ko")!).toBeLessThan(plain);
      expect(scoreOf(after, "robot-a")).toBe(scoreOf(before, "robot-a"));
    } finally {
      engine.remove("robot-ko");
    }
  });
});

describe("the organiser's hand", () => {
  test("a blocked pair is never proposed, even when promoted", () => {
    expect(rank({ blocked: ["cnc-a"] }).map((r) => r.id)).not.toContain("cnc-a");
    expect(rank({ blocked: ["cnc-a"], promoted: ["cnc-a"] }).map((r) => r.id)).not.toContain("cnc-a");
  });

  test("a promoted pair comes first with the organiser's reason, even one without a structural link", () => {
    const recs = rank({ promoted: ["mes"] });
    expect(recs[0]).toMatchObject({ id: "mes", promoted: true, kind: "organiser", reasons: [{ code: "organiserRecommends" }] });
    expect(rank({ promoted: ["robot-b"] })[0]).toMatchObject({ id: "robot-b", promoted: true, kind: "offer:tech.robot" });
  });
});

describe("signals of interest", () => {
  test("a vendor who viewed or bookmarked the firm rises, with the reason", () => {
    const recs = rank({ signals: [{ participantId: "robot-b", signal: "view", direction: "inbound" }] });
    expect(recs[0]!.id).toBe("robot-b");
    expect(recs[0]!.reasons).toContainEqual({ code: "interestShown" });
  });

  test("bookmarking a vendor raises it and others of its kind", () => {
    const recs = rank({ signals: [{ participantId: "cnc-a", signal: "bookmark", direction: "outbound" }] });
    expect(recs.map((r) => r.id).slice(0, 2)).toEqual(["cnc-a", "cnc-b"]);
  });

  test("a vendor the firm already asked for a meeting is not proposed again", () => {
    expect(rank({ signals: [{ participantId: "cnc-a", signal: "request", direction: "outbound" }] }).map((r) => r.id)).not.toContain("cnc-a");
  });
});

describe("capacity", () => {
  test("a party without free slots is not proposed; one asked more than it can answer sinks", () => {
    expect(rank({ load: new Map([["cnc-a", { requestsReceived: 3, freeSlots: 0 }]]) }).map((r) => r.id)).not.toContain("cnc-a");
    const busy = rank({ load: new Map([["cnc-a", { requestsReceived: 40, freeSlots: 10 }]]) });
    expect(busy.at(-1)!.id).toBe("cnc-a");
    expect(scoreOf(busy, "cnc-a")!).toBeLessThan(scoreOf(before, "cnc-a")!);
  });
});
