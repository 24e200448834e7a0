/**
 * Search keys are stored normalised (the database has no collation or text index): lower case,
 * diacritics removed, đ folded to d, so "co khi" finds "Cơ khí Hà Nội"; compatibility forms folded
 * too (NFKD), so "ＣＮＣ" typed in a Japanese input method's full width finds "CNC".
 */
export function normalizeSearchText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{Mn}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A language as spoken: its base subtag, lower case. "zh-Hant" and "zh" are one spoken Chinese,
 * so an interpreter, a booth's staff and a profile match whichever way they were written.
 */
export const spokenLanguage = (tag: string) => tag.split("-")[0]!.toLowerCase();
