import fc from "fast-check";
import { LOCALES, type LocalizedText } from "@ketnoi/contracts";
import { MatchingEngine } from "./engine";
import { generateEvalSet, type EvalSet } from "../../bench/matchEval/evalSet";
import type { MatchParticipant } from "./participant";

const rankings = (set: EvalSet) => {
  const engine = new MatchingEngine({ fair: set.fair, interpreters: set.interpreters });
  for (const p of set.participants) engine.upsertParticipant(p);
  return set.participants.map((p) => [p.id, engine.recommend(p.id, 10)] as const);
};
const size = { domestic: 120, foreign: 40, seed: 5 };

test("the same fair typed in Vietnamese or in Japanese gets the same proposals", () => {
  const vi = generateEvalSet({ ...size, textLocale: "vi" });
  const ja = generateEvalSet({ ...size, textLocale: "ja" });
  expect(JSON.stringify(vi.participants)).not.toBe(JSON.stringify(ja.participants)); // the texts really differ
  expect(JSON.stringify(ja.participants)).toMatch(/導入/);
  expect(rankings(vi)).toEqual(rankings(ja));
});

test("any free text, in any of the five languages, leaves every ranking as it is", () => {
  const base = generateEvalSet({ domestic: 40, foreign: 15, seed: 9 });
  const expected = rankings(base);
  const text = fc.dictionary(
    fc.constantFrom(...LOCALES),
    fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim().length > 0),
    { minKeys: 1 },
  ) as fc.Arbitrary<LocalizedText>;
  fc.assert(
    fc.property(fc.infiniteStream(text), (texts) => {
      const retyped = (p: MatchParticipant): MatchParticipant => ({
        ...p,
        description: texts.next().value,
        needs: p.needs.map((n) => ({ ...n, text: texts.next().value })),
        offers: p.offers.map((o) => ({ ...o, text: texts.next().value })),
        requirements: p.requirements.map((r) => ({ ...r, text: texts.next().value })),
      });
      expect(rankings({ ...base, participants: base.participants.map(retyped) })).toEqual(expected);
    }),
    { numRuns: 10 },
  );
});
