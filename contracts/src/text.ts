/**
 * Search keys are stored normalised (the database has no collation or text index): lower case,
 * diacritics removed, đ folded to d, so "co khi" finds "Cơ khí Hà Nội"; compatibility forms folded
 * too (NFKD), so "ＣＮＣ" typed in a Japanese input method's full width finds "CNC". Kana voicing
 * marks are not diacritics (プ, ブ and フ are different sounds, "プレス" is not "フレス"), so they stay,
 * and the text is composed again (NFC): a kana keeps its mark and Hangul stays in syllables.
 */
export function normalizeSearchText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[^\P{Mn}\u3099\u309A]+/gu, "")
    .normalize("NFC")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/**
 * Whether a normalised word is Chinese, Japanese or Korean text: written without spaces between
 * words (or, in Korean, with particles and compounds run together), so a search word of it is
 * looked for anywhere inside the text ("金型" in "金型製作"), not as a whole word.
 */
export const isUnspacedText = (word: string) => UNSPACED.test(word);

/**
 * A language as spoken: its base subtag, lower case. "zh-Hant" and "zh" are one spoken Chinese,
 * so an interpreter, a booth's staff and a profile match whichever way they were written.
 */
export const spokenLanguage = (tag: string) => tag.split("-")[0]!.toLowerCase();
