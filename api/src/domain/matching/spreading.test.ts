import { MatchingEngine } from "./engine";
import { domestic, foreign, TEST_FAIR } from "./testing";

// One day of fourteen 30-minute slots: a party can answer about 14 / 0.3 = 47 list appearances.
const oneDay = { ...TEST_FAIR, days: ["2026-12-10"] };
// A hundred firms needing CNC machine tools; forty vendors of them, one of which also shares their sector.
const firms = Array.from({ length: 100 }, (_, i) =>
  domestic(`firm-${i}`, { sectors: ["sec.mech"], needs: [{ kind: "technology", codes: ["tech.cnc"], priority: 1 }] }),
);
const vendors = Array.from({ length: 40 }, (_, i) =>
  foreign(`vendor-${i}`, { sectors: i === 0 ? ["sec.mech"] : ["sec.hitech"], offers: [{ code: "tech.cnc" }] }),
);

function appearances(spreadProposals: boolean) {
  const engine = new MatchingEngine({ fair: oneDay, spreadProposals });
  for (const p of [...firms, ...vendors]) engine.upsertParticipant(p);
  const count = new Map<string, number>();
  for (const f of firms) {
    const recs = engine.recommend(f.id, 10);
    expect(recs).toHaveLength(10);
    for (const r of recs) count.set(r.id, (count.get(r.id) ?? 0) + 1);
  }
  return count;
}

test("spreading takes the best-placed vendor off lists it could not serve and shares the places out", () => {
  const without = appearances(false);
  const spread = appearances(true);
  expect(without.get("vendor-0")).toBe(100);
  expect(spread.get("vendor-0")!).toBeLessThanOrEqual(50);
  expect(spread.get("vendor-0")!).toBeGreaterThan(20);
  expect(Math.max(...spread.values())).toBeLessThan(Math.max(...without.values()));
  expect(spread.size).toBeGreaterThanOrEqual(without.size);
});

test("ties are shared out across viewers rather than won by the same vendors everywhere", () => {
  const without = appearances(false);
  // 39 equal vendors for 9 remaining places in each of 100 lists: about 23 lists each.
  for (let i = 1; i < 40; i++) expect(without.get(`vendor-${i}`) ?? 0).toBeLessThan(50);
  expect(without.size).toBe(40);
});
