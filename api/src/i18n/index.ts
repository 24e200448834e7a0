import i18next from "i18next";
import { LOCALES, type Locale } from "@ketnoi/contracts";
import { NAMESPACES, RESOURCES, type Catalogue } from "./resources";

/** "a.b" paths to the strings of one namespace. */
type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}` }[keyof T & string];

/** "namespace:path" of every text in the catalogues: a typo or a text missing from the English catalogue fails the type check. */
export type MessageKey = { [N in keyof Catalogue]: `${N}:${Paths<Catalogue[N]>}` }[keyof Catalogue];

/** Values for a text's {{placeholders}}. */
export type MessageValues = Record<string, string | number>;

// One instance per process, initialised at import: the catalogues are bundled, so nothing is loaded
// (no backend, no network) and `t` works from the first line of the program.
const i18n = i18next.createInstance();
i18n.init({
  resources: RESOURCES,
  lng: "vi",
  supportedLngs: LOCALES,
  load: "currentOnly",
  fallbackLng: false,
  ns: NAMESPACES,
  initAsync: false,
  // Values go in as they are: mail bodies are escaped where they become HTML (mailLayout), JSON and
  // iCalendar escape their own; a value's own "{{x}}" or "$t(...)" is never read as a placeholder.
  interpolation: { escapeValue: false, skipOnVariables: true },
  // A value left out reads as nothing (as the tables' `party = ""` defaults did), never as "{{party}}".
  missingInterpolationHandler: () => "",
});

/** A text in the reader's language with its placeholders filled in. */
export function t(locale: Locale, key: MessageKey, values: MessageValues = {}): string {
  return i18n.t(key, { lng: locale, replace: values });
}
