import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ERROR_CODES, LOCALES } from "@ketnoi/contracts";
import { MAIL_TEMPLATES } from "../services/mail";
import { MAILED_KINDS } from "../services/meetingMail";
import { t } from "./index";
import { NAMESPACES, RESOURCES } from "./resources";

const API_SRC = path.join(__dirname, "..");
const CONTRACTS_SRC = path.join(__dirname, "../../../contracts/src");

/** "namespace:a.b" -> text, for every string of a locale's catalogues. */
function flatten(value: unknown, prefix: string, into: Map<string, unknown> = new Map()) {
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix.endsWith(":") ? `${prefix}${k}` : `${prefix}.${k}`, into);
  } else into.set(prefix, value);
  return into;
}
const texts = (locale: (typeof LOCALES)[number]) => new Map(NAMESPACES.flatMap((ns) => [...flatten(RESOURCES[locale][ns], `${ns}:`)]));
const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the api's text catalogues", () => {
  const reference = texts("en");

  test.each(LOCALES)("%s has every key, none empty, with English's placeholders", (locale) => {
    const own = texts(locale);
    expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, text] of own) {
      expect(typeof text === "string" && text.trim() ? key : `${key} is empty or not a text`).toBe(key);
      expect([key, placeholders(text)]).toEqual([key, placeholders(reference.get(key))]);
    }
  });

  test("every key is used: by name in the code, or as one of the codes, templates or kinds it is looked up by", () => {
    const code = sourceFiles(API_SRC).map((file) => readFileSync(file, "utf8"));
    const contracts = sourceFiles(CONTRACTS_SRC).map((file) => readFileSync(file, "utf8"));
    const named = new Set(code.flatMap((text) => [...text.matchAll(/["'`]([a-zA-Z]+:[a-zA-Z0-9_.]+)["'`]/g)].map((m) => m[1]!)));
    // Field messages travel as data (a zod refinement's or a command's `"noTable"`) until the error is answered.
    const matchEval = sourceFiles(path.join(API_SRC, "bench/matchEval"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const quoted = (key: string) => [...code, ...contracts].some((text) => text.includes(`"${key}"`));
    const lookedUp = new Set([
      ...ERROR_CODES.map((c) => `errors:${c}`),
      ...MAIL_TEMPLATES.flatMap((m) => ["subject", "body", "action"].map((part) => `mail:${m}.${part}`)),
      ...MAILED_KINDS.map((kind) => `meetingMail:subject.${kind}`),
      ...Object.keys(RESOURCES.en.fields)
        .filter(quoted)
        .map((key) => `fields:${key}`),
      // The evaluation set's sample sentences, looked up by the kind of text it writes.
      ...Object.keys(RESOURCES.en.matchEval)
        .filter((kind) => matchEval.includes(`"${kind}"`))
        .map((kind) => `matchEval:${kind}`),
    ]);
    expect([...reference.keys()].filter((key) => !named.has(key) && !lookedUp.has(key))).toEqual([]);
    expect(named.size).toBeGreaterThan(10);
  });

  test("a value is written as it is: never escaped, never read as a placeholder or a nested key", () => {
    const who = `<b>A&B</b> {{who}} $t(mail:footer) $& {{- who}}`;
    expect(t("en", "calendar:meetingWith", { who })).toBe(`Meeting with ${who}`);
    expect(t("zh-Hant", "meetingMail:subject.meeting_booked", { who })).toBe(`已確認與 ${who} 的會面`);
  });

  test("a value left out reads as nothing", () => {
    expect(t("en", "fields:planPartyUnavailable")).toBe(" is not available in this slot.");
  });
});
