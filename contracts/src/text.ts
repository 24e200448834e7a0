import { LOCALES, type Locale } from "./locales";
import type { LocalizedText } from "./taxonomy";

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

/**
 * The one order in which a text kept in several languages (a LocalizedText: a fair's name, a
 * session's title or room, a booth's headline, a description) is shown to a reader, on every page
 * and in every mail: the reader's own language; else English, the language foreign visitors share
 * at the fair; else Vietnamese, the host's; else whichever language the text has. (A LocalizedText
 * does not record which language it was first written in, and for a reader without their own
 * language English serves better than, say, Japanese to a Korean.)
 */
export function pickText(text: LocalizedText | undefined, locale: string): string {
  if (!text) return "";
  for (const l of [locale, "en", "vi", ...LOCALES]) {
    const value = text[l as Locale];
    if (value) return value;
  }
  return "";
}

/** Where a firm's legal name is written in a language of the app: its country's. */
const HOME_LANGUAGE: Readonly<Record<string, Locale>> = { VN: "vi", JP: "ja", KR: "ko", TW: "zh-Hant" };

/**
 * A company's name for a reader: its legal name to a reader of the firm's home language (a
 * Vietnamese organiser sees a Hanoi firm's Vietnamese legal name, a Japanese buyer a Japanese
 * firm's), to everyone else its English name, or its legal name when it has none.
 */
export function companyName(c: { legalName: string; englishName?: string | null; country: string }, locale: string): string {
  return HOME_LANGUAGE[c.country] === locale ? c.legalName : (c.englishName ?? c.legalName);
}
