import { MatchingEngine } from "../../domain/matching/engine";
import { generateEvalSet } from "./evalSet";
import { ndcgAt, precisionAt } from "./metrics";
import { RARE_CERTIFICATIONS } from "./plant";

const set = generateEvalSet({ domestic: 300, foreign: 90, seed: 3 });
const byId = new Map(set.participants.map((p) => [p.id, p]));
const engine = new MatchingEngine({ fair: set.fair, interpreters: set.interpreters });
for (const p of set.participants) engine.upsertParticipant(p);
const rankings = new Map(set.participants.map((p) => [p.id, engine.recommend(p.id, 10)]));

test("the set has the asked sizes, mixed languages, and planted clusters of five", () => {
  expect(set.participants.filter((p) => p.kind === "domestic")).toHaveLength(300);
  expect(set.participants.filter((p) => p.kind === "foreign")).toHaveLength(90);
  expect(new Set(set.participants.flatMap((p) => p.needs.flatMap((n) => Object.keys(n.text ?? {})))).size).toBeGreaterThanOrEqual(4);
  expect(set.relevant.size).toBeGreaterThan(50);
  for (const partners of set.relevant.values()) expect(partners.size).toBe(5);
});

test("planted partners are found: most of every top 5, and near the top of every top 10", () => {
  const ids = new Map([...rankings].map(([id, recs]) => [id, recs.map((r) => r.id)]));
  expect(precisionAt(5, ids, set.relevant)).toBeGreaterThan(0.85);
  expect(ndcgAt(10, ids, set.relevant)).toBeGreaterThan(0.9);
});

test("planted buyers are proposed only firms meeting their mandatory terms (near misses with an expired certificate or short capacity are not)", () => {
  const lastDay = new Date(`${set.fair.days.at(-1)}T00:00:00Z`);
  const buyers = set.participants.filter((p) => p.requirements.some((r) => RARE_CERTIFICATIONS.includes(r.certifications[0] ?? "")));
  expect(buyers.length).toBeGreaterThan(0);
  for (const buyer of buyers) {
    const r = buyer.requirements[0]!;
    for (const rec of rankings.get(buyer.id)!) {
      const firm = byId.get(rec.id)!;
      expect(firm.certifications.some((c) => c.code === r.certifications[0] && (!c.validUntil || c.validUntil >= lastDay))).toBe(true);
      expect(Math.min(...firm.processes.filter((p) => r.processes.includes(p.code)).map((p) => p.monthlyCapacity ?? 0))).toBeGreaterThanOrEqual(
        r.minMonthlyCapacity!,
      );
    }
  }
});
