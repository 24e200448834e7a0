import { LOCALES, pickText, type TaxonomyKind, type TaxonomyTerm } from "@ketnoi/contracts";
// The taxonomy file itself (the contracts' TAXONOMY is the same file run through zod, which pages
// that only show labels need not load).
import taxonomy from "@ketnoi/contracts/taxonomy/taxonomy.v1.json";

const ALL = taxonomy.terms as TaxonomyTerm[];
const TERMS = new Map(ALL.map((t) => [t.code, t]));

/**
 * Text kept in several languages, for the viewer: the contracts' one fallback order (their language,
 * then English, then Vietnamese, then any), the same the api's mail uses. Every page picks through it.
 */
export const localized = pickText;

/** A taxonomy code's label in the viewer's language (the code itself if unknown). */
export const termLabel = (code: string, locale: string) => {
  const term = TERMS.get(code);
  return term ? pickText(term.labels, locale) : code;
};

export const termsOf = (kind: TaxonomyKind) => ALL.filter((t) => t.kind === kind);

const displayNames = new Map<string, Intl.DisplayNames>();
function names(locale: string, type: "region" | "language") {
  const key = `${locale}:${type}`;
  let n = displayNames.get(key);
  if (!n) displayNames.set(key, (n = new Intl.DisplayNames([locale], { type })));
  return n;
}
export const countryName = (code: string, locale: string) => names(locale, "region").of(code) ?? code;
export const languageName = (code: string, locale: string) => {
  try {
    return names(locale, "language").of(code) ?? code;
  } catch {
    return code;
  }
};
export const formatNumber = (n: number, locale: string, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(n);

/**
 * The languages offered as choices for a company's and an interpreter's languages: the UI's own
 * and the exhibitors' European ones. One list, so both sides pick the same codes ("zh-Hant").
 */
export const SPOKEN_LANGUAGES: readonly string[] = [...LOCALES, "de", "fr", "it", "nl", "cs"];
