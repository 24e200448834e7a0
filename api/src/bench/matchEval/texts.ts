import { taxonomyLabel, type Locale, type LocalizedText } from "@ketnoi/contracts";
import { t } from "../../i18n";

/**
 * Free text as firms type it, in one language per firm: the evaluation set writes needs, offers,
 * requirements and descriptions this way so that matching is tested on mixed-language profiles.
 * The sentences are the `matchEval` catalogue (i18n/locales/<locale>/matchEval.json).
 */
type Phrase = "profile" | "need" | "buyers" | "offer" | "requirement";

/** A sentence about a taxonomy code in one language. */
export function textAbout(kind: Phrase, code: string, locale: Locale): LocalizedText {
  return { [locale]: t(locale, `matchEval:${kind}`, { label: taxonomyLabel(code, locale) }) };
}
