import { renderMatchReason, type Locale } from "@ketnoi/contracts";
import { MatchingEngine } from "./engine";
import { MatchInputSchema, type MatchOutput } from "./format";

export class MatchInputError extends Error {}

/**
 * The command's work without its files: parse an input document, build the fair's engine, and
 * rank every participant's top k, with reasons rendered in `locale`.
 */
export function runMatch(
  document: unknown,
  options: { k: number; locale: Locale },
): { output: MatchOutput; millis: { build: number; recommend: number } } {
  const parsed = MatchInputSchema.safeParse(document);
  if (!parsed.success) throw new MatchInputError(parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n"));
  const input = parsed.data;
  const started = performance.now();
  const engine = new MatchingEngine({ fair: input.fair, interpreters: input.interpreters });
  for (const p of input.participants) engine.upsertParticipant(p);
  const built = performance.now();
  const load = new Map(Object.entries(input.load));
  const recommendations: MatchOutput["recommendations"] = {};
  for (const p of input.participants) {
    recommendations[p.id] = engine
      .recommend(p.id, options.k, { ...input.context[p.id], load })
      .map((r) => ({ ...r, text: r.reasons.map((reason) => renderMatchReason(reason, options.locale)) }));
  }
  return {
    output: { version: 1, k: options.k, locale: options.locale, recommendations },
    millis: { build: built - started, recommend: performance.now() - built },
  };
}
