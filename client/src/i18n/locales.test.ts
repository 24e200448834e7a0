import { LOCALES } from "@ketnoi/contracts";
import type { Locale } from "@ketnoi/contracts";
import vi from "./locales/vi.json";
import en from "./locales/en.json";
import ja from "./locales/ja.json";
import ko from "./locales/ko.json";
import zhHant from "./locales/zh-Hant.json";

const RESOURCES: Record<Locale, Record<string, string>> = { vi, en, ja, ko, "zh-Hant": zhHant };
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("UI translations", () => {
  const reference = Object.keys(RESOURCES.en).sort();

  test.each(LOCALES)("%s has every key, none empty", (locale) => {
    expect(Object.keys(RESOURCES[locale]).sort()).toEqual(reference);
    for (const [key, value] of Object.entries(RESOURCES[locale])) expect(value.trim() ? key : `${key} is empty`).toBe(key);
  });

  test('every t("...") key used in the client exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(__dirname, ".."))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) used.add(m[1]!);
    }
    const plural = (k: string) => reference.includes(`${k}_one`) && reference.includes(`${k}_other`);
    const missing = [...used].filter((k) => !reference.includes(k) && !plural(k));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });
});
