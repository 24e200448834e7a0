import fc from "fast-check";
import { MatchingEngine } from "./engine";
import { generateEvalSet } from "../../bench/matchEval/evalSet";
import type { MatchParticipant } from "./participant";

// A small mixed fair; each profile also has an edited version (other needs, offers, processes, mode).
const set = generateEvalSet({ domestic: 80, foreign: 30, seed: 11 });
const pool = set.participants;
const edited = (p: MatchParticipant, shift: number): MatchParticipant => {
  const other = pool[(pool.indexOf(p) + shift) % pool.length]!;
  return other.kind === p.kind
    ? { ...other, id: p.id, participation: p.participation === "onsite" ? "remote" : "onsite" }
    : { ...p, needs: other.needs, offers: other.offers, sectors: other.sectors, languages: other.languages };
};
// A short fair (one morning), so that parties run out of slots and spreading prices matter.
const options = {
  fair: { ...set.fair, days: set.fair.days.slice(0, 1), dailyHours: { start: "08:30", end: "11:00" }, breaks: [] },
  interpreters: set.interpreters,
};
const allRecommendations = (engine: MatchingEngine, ids: string[]) => ids.map((id) => [id, engine.recommend(id, 10)] as const);

const operation = fc.oneof(
  fc.record({ op: fc.constant("upsert" as const), at: fc.nat(pool.length - 1), shift: fc.integer({ min: 1, max: pool.length }) }),
  fc.record({ op: fc.constant("remove" as const), at: fc.nat(pool.length - 1) }),
  // Asking between changes fills the engine's lazy caches, which later changes must drop.
  fc.record({ op: fc.constant("recommend" as const), at: fc.nat(pool.length - 1) }),
);

test("after any sequence of upserts and removals, every ranking equals a rebuild from the final profiles", () => {
  fc.assert(
    fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), (ops) => {
      const engine = new MatchingEngine(options);
      const current = new Map(pool.map((p) => [p.id, p]));
      for (const p of pool) engine.upsertParticipant(p);
      for (const o of ops) {
        const target = pool[o.at]!;
        if (o.op === "recommend") engine.recommend(target.id, 10);
        else if (o.op === "remove") {
          engine.remove(target.id);
          current.delete(target.id);
        } else {
          const next = edited(target, o.shift);
          engine.upsertParticipant(next);
          current.set(next.id, next);
        }
      }
      const rebuilt = new MatchingEngine(options);
      for (const p of [...current.values()].reverse()) rebuilt.upsertParticipant(p);
      const ids = [...current.keys()];
      expect(allRecommendations(engine, ids)).toEqual(allRecommendations(rebuilt, ids));
    }),
    { numRuns: 25 },
  );
});

test("an upsert changes the rankings it should: a new vendor for a firm's need appears in the firm's list", () => {
  const engine = new MatchingEngine(options);
  for (const p of pool) engine.upsertParticipant(p);
  const firm = pool.find((p) => p.kind === "domestic" && p.needs.some((n) => n.kind === "technology"))!;
  const need = firm.needs.find((n) => n.kind === "technology")!.codes[0]!;
  engine.upsertParticipant({
    ...pool.find((p) => p.kind === "foreign")!,
    id: "newcomer",
    offers: [{ code: need }],
    participation: "onsite",
    languages: ["vi", "en"],
  });
  expect(engine.recommend(firm.id, 10).map((r) => r.id)).toContain("newcomer");
  engine.remove("newcomer");
  expect(engine.recommend(firm.id, 10).map((r) => r.id)).not.toContain("newcomer");
});
