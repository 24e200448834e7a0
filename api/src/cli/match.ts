// npm run -s match -- --in profiles.json --out recs.json [--k 10] [--locale en]
// Reads a fair in the matching file format (docs/matching-format.md), writes every participant's top k
// partners with reasons; a summary goes to stderr.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isLocale } from "@ketnoi/contracts";
import { MatchInputError, runMatch } from "../domain/matching/runMatch";

const usage = "usage: npm run -s match -- --in profiles.json --out recs.json [--k 10] [--locale vi|en|ja|ko|zh-Hant]";
const { values } = parseArgs({
  options: { in: { type: "string" }, out: { type: "string" }, k: { type: "string", default: "10" }, locale: { type: "string", default: "en" } },
});
const k = Number(values.k);
if (!values.in || !values.out || !Number.isInteger(k) || k < 1 || !isLocale(values.locale)) {
  console.error(usage);
  process.exit(2);
}
let document: unknown;
try {
  document = JSON.parse(readFileSync(values.in, "utf8"));
} catch (error) {
  console.error(`cannot read ${values.in}: ${(error as Error).message}`);
  process.exit(2);
}
try {
  const { output, millis } = runMatch(document, { k, locale: values.locale });
  writeFileSync(values.out, `${JSON.stringify(output, null, 2)}\n`);
  const lists = Object.values(output.recommendations);
  console.error(
    `${lists.length} participants, ${lists.reduce((n, l) => n + l.length, 0)} recommendations; index ${Math.round(millis.build)} ms, top ${k} for all ${Math.round(millis.recommend)} ms`,
  );
} catch (error) {
  if (!(error instanceof MatchInputError)) throw error;
  console.error(`${values.in} is not a valid matching input:\n${error.message}`);
  process.exit(2);
}
